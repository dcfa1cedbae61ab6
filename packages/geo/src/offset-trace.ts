import type { Position } from '@atlas/model';
import { AZIMUTH, DISTANCE, LAT_LNG, WGS84 } from './geographiclib.ts';
import { emptyNearest } from './distance-to-segment.ts';
import { nearestOnEdges, type Polylines } from './nearest-on-edges.ts';

// Traces the level set {x : distance(x, outlines) = d} anticlockwise, vertex by vertex.
// Each next vertex is where the geodesic circle of radius h around the current one meets the
// level set on its forward half — from the outward normal (beyond d, g > 0) round through the
// tangent to the inward normal (within d, g < 0):
//
//              normal  g > 0
//                 ↑
//      next ·  ╭─ here ─╮           g(φ) = distance(Direct(here, φ, h)) − d, solved for φ:
//    tangent ← │    ·   │           Newton from the tangent, else bracketed regula falsi.
//              ╰────┼───╯           Every vertex lies d ± 1 µm from the outlines.
//                   ↓ inward  g < 0
//
// Solving on a circle, not along a normal, keeps the trace moving through the concave kinks where
// the zone folds into a notch and two edges' offsets meet. A step is kept when its chord stays
// within tolM of d (sampled at its quarter points; see chordFits); otherwise h halves.
// The next h follows the curvature: h ≈ √(8·tolM/κ).

/** Longest edge along straight stretches. */
const MAX_STEP_M = 100;
/** Vertices lie within this of d. */
const LEVEL_TOLERANCE_M = 1e-6;
const MAX_NEWTON_STEPS = 6;
const MAX_BRACKET_STEPS = 60;
/** Guards against tracing forever on malformed input. */
const MAX_VERTICES = 100_000;
const DEG = Math.PI / 180;
const CHORD_PROBES = [0.25, 0.5, 0.75];
/** Steps aim at this fraction of the step whose sagitta would be exactly tolM, so most fit first time. */
const STEP_SAFETY = 0.8;
/** Chord samples may stray inside the zone by this fraction of tolM. */
const INWARD_FRACTION = 0.8;
const CHORD_PROBE_GAPS = 4;
/** A chord is across a concave kink if its normal turns clockwise by more than this (a straight
 *  stretch turns ~1e-5 rad per 100 m with the meridians) or a sample lies this far outside. */
const CONCAVE_TURN_RAD = 1e-3;
const OUTWARD_NOISE_M = 1e-3;
/** Halving stops at this fraction of tolM: the trace is then at a concave kink and steps over it. */
const KINK_STEP_FRACTION = 1 / 16;
/** Radius, as a fraction of tolM, of the circle that finds the far side of a kink. */
const KINK_JUMP_FRACTION = 1 / 4;
/** Azimuth samples when looking for the far side of a kink: coarse, then fine for thin wedges. */
const KINK_SCAN_SAMPLES = [64, 2048];

export interface LevelPoint {
  at: Position;
  /** azimuth of the outward normal at `at`, degrees */
  normal: number;
}

/** Signed turn from azimuth a to azimuth b in radians, in (−π, π]; positive is clockwise. */
const turnRad = (a: number, b: number) => (((((b - a) % 360) + 540) % 360) - 180) * DEG;

/** Moves x along its own normal until it lies d from the outlines (a start on a smooth stretch). */
export function projectToLevel(x: Position, outlines: Polylines, d: number): LevelPoint {
  let at = x;
  const n = emptyNearest();
  for (let i = 0; i < MAX_NEWTON_STEPS; i++) {
    nearestOnEdges(at, outlines, n);
    const r = WGS84.Inverse(n.lat, n.lng, at[1], at[0], AZIMUTH);
    if (Math.abs(n.distanceM - d) <= LEVEL_TOLERANCE_M) return { at, normal: r.azi2! };
    const moved = WGS84.Direct(n.lat, n.lng, r.azi1!, d, LAT_LNG);
    at = [moved.lon2!, moved.lat2!];
  }
  throw new Error(
    `geodesicRing: could not reach the zone outline near ${at} (expected a valid outline)`,
  );
}

/** The closed ring (first = last) of the level-set component through `start`. */
export function traceLevelSet(
  start: LevelPoint,
  outlines: Polylines,
  d: number,
  tolM: number,
): Position[] {
  const arcStepM = Math.min(MAX_STEP_M, STEP_SAFETY * Math.sqrt(8 * d * tolM), d / 2);
  const ring: Position[] = [start.at];
  let here = start;
  let stepM = arcStepM;
  while (ring.length < MAX_VERTICES) {
    const back = WGS84.Inverse(
      here.at[1],
      here.at[0],
      start.at[1],
      start.at[0],
      DISTANCE | AZIMUTH,
    );
    const ahead = Math.cos(turnRad(here.normal - 90, back.azi1!)) > 0;
    if (
      ring.length > 3 &&
      ahead &&
      back.s12! <= stepM &&
      chordFits(here, start, back.s12!, outlines, d, tolM)
    ) {
      ring.push(start.at);
      return ring;
    }
    let next = stepAlongLevel(here, stepM, outlines, d);
    while (!next || !chordFits(here, next, stepM, outlines, d, tolM)) {
      if (stepM <= tolM * KINK_STEP_FRACTION) {
        next = crossKink(here, tolM * KINK_JUMP_FRACTION, outlines, d);
        break;
      }
      stepM /= 2;
      next = stepAlongLevel(here, stepM, outlines, d);
    }
    // only convex turning (anticlockwise, negative) is curvature; a concave kink is a corner
    const curvature = Math.max(0, -turnRad(here.normal, next.normal)) / stepM;
    ring.push(next.at);
    here = next;
    stepM = Math.max(
      tolM * KINK_STEP_FRACTION,
      Math.min(2 * stepM, STEP_SAFETY * Math.sqrt((8 * tolM) / curvature), MAX_STEP_M, d / 2),
    );
  }
  throw new Error(
    `geodesicRing: no closed outline after ${MAX_VERTICES} vertices (expected a valid polygon)`,
  );
}

function stepAlongLevel(
  here: LevelPoint,
  h: number,
  outlines: Polylines,
  d: number,
): LevelPoint | undefined {
  const n = emptyNearest();
  const probe = (azimuth: number) => {
    const r = WGS84.Direct(here.at[1], here.at[0], azimuth, h, LAT_LNG);
    const at: Position = [r.lon2!, r.lat2!];
    return { azimuth, at, g: nearestOnEdges(at, outlines, n).distanceM - d };
  };
  const outward = here.normal;
  const inward = here.normal - 180;
  // Newton from the tangent: on a smooth stretch g rises by about h per radian towards the normal.
  let best = probe(here.normal - 90);
  for (let i = 0; i < MAX_NEWTON_STEPS && Math.abs(best.g) > LEVEL_TOLERANCE_M; i++) {
    const azimuth = best.azimuth - best.g / (h * DEG);
    if (!(azimuth > inward && azimuth < outward)) break;
    best = probe(azimuth);
  }
  if (Math.abs(best.g) > LEVEL_TOLERANCE_M) {
    const outside = probe(outward);
    const inside = probe(inward);
    if (!(outside.g > 0 && inside.g < 0)) return undefined; // a kink within h: no clean bracket
    best = bracketed(probe, outside, inside, best);
  }
  if (Math.abs(best.g) > LEVEL_TOLERANCE_M) return undefined;
  return {
    at: best.at,
    normal: WGS84.Inverse(n.lat, n.lng, best.at[1], best.at[0], AZIMUTH).azi2!,
  };
}

/**
 * Steps over a concave kink that `here` has closed in on (within tolM·KINK_STEP_FRACTION): the
 * circle of radius r around it crosses the level set twice — behind, and ahead beyond the kink.
 * Outside the zone (g > 0) is one arc; scanning anticlockwise from the normal, the ahead crossing
 * is where that arc ends. Sampled coarsely, finely if the outside wedge is thin.
 */
function crossKink(here: LevelPoint, r: number, outlines: Polylines, d: number): LevelPoint {
  const n = emptyNearest();
  const probe = (azimuth: number) => {
    const x = WGS84.Direct(here.at[1], here.at[0], azimuth, r, LAT_LNG);
    const at: Position = [x.lon2!, x.lat2!];
    return { azimuth, at, g: nearestOnEdges(at, outlines, n).distanceM - d };
  };
  for (const samples of KINK_SCAN_SAMPLES) {
    let previous = probe(here.normal);
    for (let i = 1; i <= samples; i++) {
      const current = probe(here.normal - (360 * i) / samples);
      if (previous.g > 0 && current.g <= 0) {
        const best = bracketed(probe, previous, current, current);
        return {
          at: best.at,
          normal: WGS84.Inverse(n.lat, n.lng, best.at[1], best.at[0], AZIMUTH).azi2!,
        };
      }
      previous = current;
    }
  }
  throw new Error(
    `geodesicRing: lost the zone outline at a kink near ${here.at} (expected a valid outline)`,
  );
}

type Probe = { azimuth: number; at: Position; g: number };

/** Illinois regula falsi between a probe beyond d and one within d. */
function bracketed(
  probe: (azimuth: number) => Probe,
  outside: Probe,
  inside: Probe,
  guess: Probe,
): Probe {
  let best = guess;
  let side = 0;
  for (let i = 0; i < MAX_BRACKET_STEPS && Math.abs(best.g) > LEVEL_TOLERANCE_M; i++) {
    if (best.g > 0) {
      outside = best;
      if (side === 1) inside = { ...inside, g: inside.g / 2 };
      side = 1;
    } else {
      inside = best;
      if (side === -1) outside = { ...outside, g: outside.g / 2 };
      side = -1;
    }
    const f = outside.g / (outside.g - inside.g);
    best = probe(outside.azimuth + f * (inside.azimuth - outside.azimuth));
  }
  return best;
}

/**
 * The chord a–b (length h) stays within tolM of the level set, judged from its quarter points.
 * Inside the zone (convex arcs; a chord strays most near its middle, off-centre where an arc meets
 * a straight stretch) each sample may stray INWARD_FRACTION·tolM. If the normal turns clockwise or
 * a sample lies outside the zone, the chord crosses a concave kink whose peak can sit anywhere:
 * distance is 1-Lipschitz, so between samples v_i, v_i+1 spaced h/4 it is at most (v_i + v_i+1 + h/4)/2.
 */
function chordFits(
  a: LevelPoint,
  b: LevelPoint,
  h: number,
  outlines: Polylines,
  d: number,
  tolM: number,
): boolean {
  const n = emptyNearest();
  let previous = 0; // the ends lie on the level set
  let outward = turnRad(a.normal, b.normal) > CONCAVE_TURN_RAD;
  let peakBoundM = 0;
  for (const f of CHORD_PROBES) {
    const q: Position = [a.at[0] + (b.at[0] - a.at[0]) * f, a.at[1] + (b.at[1] - a.at[1]) * f];
    const deviationM = nearestOnEdges(q, outlines, n).distanceM - d;
    if (deviationM < -tolM * INWARD_FRACTION) return false;
    if (deviationM > OUTWARD_NOISE_M) outward = true;
    peakBoundM = Math.max(peakBoundM, (previous + deviationM + h / CHORD_PROBE_GAPS) / 2);
    previous = deviationM;
  }
  peakBoundM = Math.max(peakBoundM, (previous + h / CHORD_PROBE_GAPS) / 2);
  return !outward || peakBoundM <= tolM;
}
