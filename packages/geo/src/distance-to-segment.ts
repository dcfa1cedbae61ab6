import type { Position } from '@atlas/model';
import type { Metres } from './units.ts';
import { DISTANCE, AZIMUTH, LAT_LNG_AZIMUTH, LINE_WALK, WGS84 } from './geographiclib.ts';
import { emptyFoot, localPlaneAt, MEAN_EARTH_RADIUS_M, planarFoot } from './local-plane.ts';

// Nearest point on a geodesic segment a→b to p, by walking along the segment's GeodesicLine
// (Baselga & Martínez-Llario 2018, "Intersection and point-to-line solutions for geodesics on
// the ellipsoid", Stud. Geophys. Geod. 62): from a foot X on the line, the inverse X→p gives the
// distance d and the angle θ between the line and p; on a sphere p lies atan(tan(d/R)·cos θ)·R
// further along. Step there, clamp to the segment, repeat. The fixed point is where Xp meets the
// line at right angles — the exact ellipsoidal foot; each step shrinks the error by ~(d/R)²·f,
// so two or three steps reach micrometres.
//
//          p
//          |\  d
//          | \
//   a ─────X──X'──────── b      X' = X + atan(tan(d/R)·cos θ)·R
//
// Within a few hundred km the distance along a geodesic segment has one minimum, so clamping
// the step to [0, length] finds the nearest endpoint whenever the foot falls outside.

/** Stop when a step moves the foot by less than this. */
const FOOT_CONVERGED_M = 1e-6;
/** A converging walk needs ≤ 5 steps; the cap only guards against non-finite input. */
const MAX_STEPS = 50;
/** Shorter than this, a segment is a point: its azimuth is undefined. */
const ZERO_LENGTH_M = 1e-9;
const DEG = Math.PI / 180;

/** A nearest point and the geodesic distance to it; written in place by the hot loops. */
export interface NearestScratch {
  distanceM: number;
  lng: number;
  lat: number;
}

export const emptyNearest = (): NearestScratch => ({ distanceM: Infinity, lng: NaN, lat: NaN });

/**
 * Writes the nearest point of segment a→b to p into `out`. `guessT` is where along a→b (0…1) to
 * start walking, e.g. the foot in a local plane.
 */
export function nearestOnSegment(
  p: Position,
  a: Position,
  b: Position,
  guessT: number,
  out: NearestScratch,
): NearestScratch {
  const line = WGS84.InverseLine(a[1], a[0], b[1], b[0], LINE_WALK);
  const lengthM = line.s13;
  if (!(lengthM > ZERO_LENGTH_M)) return nearestEndpoint(p, a, out);
  let s = guessT * lengthM;
  for (let step = 0; step < MAX_STEPS; step++) {
    const x = line.Position(s, LAT_LNG_AZIMUTH);
    const toP = WGS84.Inverse(x.lat2!, x.lon2!, p[1], p[0], DISTANCE | AZIMUTH);
    const d = toP.s12!;
    const theta = (toP.azi1! - x.azi2!) * DEG;
    const alongM =
      Math.atan(Math.tan(d / MEAN_EARTH_RADIUS_M) * Math.cos(theta)) * MEAN_EARTH_RADIUS_M;
    const next = Math.min(lengthM, Math.max(0, s + alongM));
    if (next === 0 && s === 0) return nearestEndpoint(p, a, out);
    if (next === lengthM && s === lengthM) return nearestEndpoint(p, b, out);
    if (Math.abs(next - s) < FOOT_CONVERGED_M) {
      out.distanceM = d;
      out.lng = x.lon2!;
      out.lat = x.lat2!;
      return out;
    }
    s = next;
  }
  throw new Error(
    `nearestOnSegment: no convergence for p=${p} a=${a} b=${b} (expected finite [lng, lat])`,
  );
}

function nearestEndpoint(p: Position, end: Position, out: NearestScratch): NearestScratch {
  out.distanceM = WGS84.Inverse(p[1], p[0], end[1], end[0], DISTANCE).s12!;
  out.lng = end[0];
  out.lat = end[1];
  return out;
}

export function assertPosition(p: unknown, name: string): asserts p is Position {
  if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    throw new TypeError(
      `${name}: expected a [lng, lat] position of finite numbers, got ${JSON.stringify(p)}`,
    );
  }
}

/**
 * Geodesic distance from p to the geodesic segment a→b, and the nearest point on it.
 * Accurate to micrometres (GeographicLib) for points and segments up to hundreds of km.
 */
export function geodesicDistanceToSegmentM(
  p: Position,
  a: Position,
  b: Position,
): { distanceM: Metres; nearest: Position } {
  assertPosition(p, 'geodesicDistanceToSegmentM p');
  assertPosition(a, 'geodesicDistanceToSegmentM a');
  assertPosition(b, 'geodesicDistanceToSegmentM b');
  const foot = planarFoot(localPlaneAt(p[0], p[1]), a, b, emptyFoot());
  const r = nearestOnSegment(p, a, b, foot.t, emptyNearest());
  return { distanceM: r.distanceM as Metres, nearest: [r.lng, r.lat] };
}
