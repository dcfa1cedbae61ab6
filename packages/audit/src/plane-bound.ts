import {
  E2,
  M_LOG_SLOPE,
  M_MIN_M,
  PLANE_ROUNDING_M,
  SAGITTA_SAFETY,
  WGS84_A,
} from './plane-shapes.ts';
import type { ShapeTable } from './plane-shapes.ts';

// A cheap, provably conservative interval [lo, hi] around the exact geodesic distance from a
// store p to a school's origin (campus outline with geodesic edges, 0 inside; or the nearest of
// some points), from a local plane around p. The audit decides a status from the interval when
// the whole interval gives one status, and measures exactly (GeographicLib) only when it does not.
//
// The plane: X = kx·(λ − λp), Y = ky·(φ − φp) with kx = N(φp)·cos φp, ky = M(φp) (radii of
// curvature at p, metres per radian). On the ellipsoid ds² = (N cos φ)²dλ² + M²dφ², so along any
// curve   ds = r·ds_plane   with r between rx = N cos φ / kx and ry = M / ky at the curve's
// latitude. Both are 1 at φp; rx falls as |φ| grows, with |d ln(N cos φ)/dφ| ≤ |tan φ|, and ry
// grows with |φ|, with |d ln M/dφ| ≤ K = 3e²/(2(1−e²)). So over a latitude band reaching Δpole
// poleward and Δeq equatorward of φp (G = tan|φ|max + K):
//   min r ≥ 1 − max(G·Δpole, K·Δeq),   max r ≤ exp(max(G·Δeq, K·Δpole)).
//
// A geodesic edge a→b maps to a curve that departs from the chord F(a)F(b) by at most its
// sagitta s_e (below). Let dₑ be the plane distance from F(p) = 0 to chord e, and
//   lowP = minₑ (dₑ − sₑ),  upP = minₑ (dₑ + sₑ).
//
//  upper: take the chord point c nearest 0 and a point q' of the geodesic edge with
//         |F(q') − c| ≤ sₑ. The segment 0 → F(q') (≤ upP long) is the image of a curve from p to
//         q' whose latitude stays between φp and φc ± sₑ/M (Y is linear in φ), so
//         D ≤ hi = upP · max r over that band.
//  lower: the shortest geodesic γ from p to the outline (length D ≤ hi) ends at q* on the
//         outline. Every point of γ is within D of p, and latitude moves at most ds / M_min along
//         any curve, so γ stays within hi / M_min of φp; γ's image also departs from its chord by
//         at most its own sagitta, so γ stays between φp and the outline's latitudes (± the edges'
//         and γ's sagitta). Its image ends within sₑ of some chord, so it is at least lowP long:
//         D ≥ lo = lowP · min r over that band.
//  inside: every geodesic edge lies within s_e of its chord, so when lowP > 0 the chords and the
//         true edges put p on the same side; the exact test also counts points within
//         ON_BOUNDARY_M of an edge as inside, so the plane decides only when lo > 2·ON_BOUNDARY_M.
//  points: the same with sₑ = 0 (distance to the nearest point).
// The interval is about G·d²/R wide: 5 mm at 200 m and 30°N.
//
// Sagitta: a geodesic with azimuth α at latitude φ turns (Clairaut) at dα/ds = sin α·tan φ / N;
// its image in the plane then bends with curvature κ = sin α (1 + cos² α)·tan φ / R (+ O(e²)/R),
// at most 1.09·tan φ / R. An arc of chord L and curvature ≤ κ departs from its chord by
// ≤ κL²/8. SAGITTA_SAFETY (2) covers the 1.09, the e² terms and the plane's scale (1 ± 10⁻⁴):
//   sₑ = SAGITTA_SAFETY · G · L² / (8 · M_min).
// For a 300 m campus edge at 30°N that is 2.5 mm; plane-bound.test.ts checks it against
// GeographicLib, and the interval against exact distances.
//
//            ╭── geodesic edge (bulges ≤ sₑ)
//     a ●────┴──────────● b        lowP ≤ |F(p) − F(q*)| · (1/r)
//           ⋮ dₑ                   hi   = upP · e^(GΔb)
//           ● p (plane origin)

const DEG = Math.PI / 180;
/** Distances the exact test calls "on the boundary" (geo's ON_BOUNDARY_M), metres. */
const ON_BOUNDARY_M = 1e-3;
/** Farther than this the plane does not decide (the accuracy range), metres. */
const MAX_PLANE_DISTANCE_M = 5_000;
/** The exp(x) ≤ 1 + 1.001·x step holds for x ≤ this; beyond it the plane does not decide. */
const MAX_SCALE_EXPONENT = 1e-3;

/** The result of one bound, written in place (the hot loop allocates nothing). */
export interface PlaneBound {
  /** false: the plane cannot decide (p within millimetres of the outline): measure exactly. */
  decided: boolean;
  /** The exact distance (0 inside) lies in [loM, hiM]. */
  loM: number;
  hiM: number;
  /** The origin's point nearest p (chord point, the vertex or point itself, or p when inside). */
  nearLng: number;
  nearLat: number;
}

export const emptyBound = (): PlaneBound => ({
  decided: false,
  loM: 0,
  hiM: Infinity,
  nearLng: NaN,
  nearLat: NaN,
});

/** How far a latitude band [φ + d1, φ + d2] (radians) reaches poleward (|φ| grows) and
 *  equatorward of φ; written into `extent` (no allocation). */
const extent = { poleward: 0, equatorward: 0 };
function bandExtents(phi: number, d1: number, d2: number): void {
  const a = phi + d1;
  const b = phi + d2;
  const absMax = Math.max(Math.abs(a), Math.abs(b));
  const absMin = a <= 0 && b >= 0 ? 0 : Math.min(Math.abs(a), Math.abs(b));
  extent.poleward = Math.max(0, absMax - Math.abs(phi));
  extent.equatorward = Math.max(0, Math.abs(phi) - absMin);
}

/** Bound the exact distance from (lng, lat) to the shape; see the derivation above. */
export function boundDistance(
  table: ShapeTable,
  shape: number,
  lng: number,
  lat: number,
  out: PlaneBound,
): PlaneBound {
  const sin = Math.sin(lat * DEG);
  const w = 1 - E2 * sin * sin;
  const sw = Math.sqrt(w);
  const mRad = (WGS84_A * (1 - E2)) / (w * sw);
  const kx = (WGS84_A / sw) * Math.cos(lat * DEG) * DEG;
  const ky = mRad * DEG;
  const { coords, ringStart, sagM, hole } = table;
  const ringFirst = table.ringFirst[shape]!;
  const ringEnd = ringFirst + table.ringCount[shape]!;
  const f = 5 * shape; // facts: latMin, latMax, maxSag, slope, validAbsLat
  let lowP = Infinity;
  let upP = Infinity;
  let nearX = 0;
  let nearY = 0;
  let nearest = -1; // the nearest vertex or point when that is the nearest, reported as is
  let inside = false;
  const areal = table.areal[shape] === 1;
  if (areal) {
    let inPart = false;
    for (let r = ringFirst; r < ringEnd; r++) {
      if (hole[r] === 0) {
        inside ||= inPart;
        inPart = false;
      }
      let odd = false;
      for (let i = ringStart[r]!; i + 1 < ringStart[r + 1]!; i++) {
        const ax = (coords[2 * i]! - lng) * kx;
        const ay = (coords[2 * i + 1]! - lat) * ky;
        const bx = (coords[2 * i + 2]! - lng) * kx;
        const by = (coords[2 * i + 3]! - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSq = dx * dx + dy * dy;
        const t = lengthSq > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSq)) : 0;
        const fx = ax + t * dx;
        const fy = ay + t * dy;
        const d = Math.sqrt(fx * fx + fy * fy);
        const s = sagM[i]!;
        if (d - s < lowP) lowP = d - s;
        if (d + s < upP) {
          upP = d + s;
          nearX = fx;
          nearY = fy;
          nearest = t === 0 ? i : t === 1 ? i + 1 : -1;
        }
        // ray from p towards +X: crosses the chord when its ends straddle Y = 0 east of p
        if (ay > 0 !== by > 0 && ax - (ay * dx) / dy > 0) odd = !odd;
      }
      if (hole[r] === 0) inPart = odd;
      else if (odd) inPart = false;
    }
    inside ||= inPart;
  } else {
    for (let i = ringStart[ringFirst]!; i < ringStart[ringFirst + 1]!; i++) {
      const x = (coords[2 * i]! - lng) * kx;
      const y = (coords[2 * i + 1]! - lat) * ky;
      const d = Math.sqrt(x * x + y * y);
      if (d < upP) {
        upP = lowP = d;
        nearest = i;
        nearX = x;
        nearY = y;
      }
    }
  }
  out.decided = false;
  if (!(upP <= MAX_PLANE_DISTANCE_M)) return out;
  const facts = table.facts;
  const latMinDeg = facts[f]!;
  const latMaxDeg = facts[f + 1]!;
  const maxSagM = facts[f + 2]!;
  const G = facts[f + 3]!;
  const validAbsLatDeg = facts[f + 4]!;
  const phi = lat * DEG;
  // upper: the curve from p to q' stays between p and the chord point c (± its sagitta)
  const cRad = nearY / mRad;
  const sagRad = maxSagM / M_MIN_M;
  bandExtents(phi, Math.min(0, cRad) - sagRad, Math.max(0, cRad) + sagRad);
  const upperExp = Math.max(G * extent.equatorward, M_LOG_SLOPE * extent.poleward);
  const hi = upP * (1 + 1.001 * upperExp) + PLANE_ROUNDING_M;
  // lower: γ (p → q*) stays within hi of p, and between p and the outline's latitudes, give or
  // take the edges' sagitta and γ's own bulge off its chord (the same curvature bound)
  const reachRad = hi / M_MIN_M;
  const bulgeRad = ((SAGITTA_SAFETY * G * hi * hi) / (8 * M_MIN_M) + maxSagM) / M_MIN_M;
  bandExtents(
    phi,
    Math.max(-reachRad, Math.min(0, latMinDeg * DEG - phi) - bulgeRad),
    Math.min(reachRad, Math.max(0, latMaxDeg * DEG - phi) + bulgeRad),
  );
  const lowerExp = Math.max(G * extent.poleward, M_LOG_SLOPE * extent.equatorward);
  if (
    upperExp > MAX_SCALE_EXPONENT ||
    lowerExp > MAX_SCALE_EXPONENT ||
    Math.abs(lat) + Math.max(upP / mRad, reachRad) / DEG > validAbsLatDeg
  )
    return out;
  const lo = lowP * (1 - lowerExp) - PLANE_ROUNDING_M;
  // too near an edge to tell the side (twice the exact test's boundary, for its own rounding)
  if (areal && !(lo > 2 * ON_BOUNDARY_M)) return out;
  out.decided = true;
  if (inside) {
    out.loM = out.hiM = 0;
    out.nearLng = lng;
    out.nearLat = lat;
  } else {
    out.loM = Math.max(0, lo);
    out.hiM = hi;
    out.nearLng = nearest < 0 ? lng + nearX / kx : coords[2 * nearest]!;
    out.nearLat = nearest < 0 ? lat + nearY / ky : coords[2 * nearest + 1]!;
  }
  return out;
}

/**
 * A point estimate of the geodesic distance between two nearby points: the plane with the radii
 * of curvature at their mean latitude, whose first-order errors cancel (left ≈ (d/R)²·d: below a
 * micrometre at campus scale). Not a bound: callers clamp it into a proven interval.
 */
export function midLatitudeDistanceM(
  lng1: number,
  lat1: number,
  lng2: number,
  lat2: number,
): number {
  const mid = ((lat1 + lat2) / 2) * DEG;
  const sin = Math.sin(mid);
  const w = 1 - E2 * sin * sin;
  const sw = Math.sqrt(w);
  const x = (lng2 - lng1) * DEG * (WGS84_A / sw) * Math.cos(mid);
  const y = (lat2 - lat1) * DEG * ((WGS84_A * (1 - E2)) / (w * sw));
  return Math.sqrt(x * x + y * y);
}
