// Cheap, provably conservative distance bounds in degrees, used to choose candidates only.
//
// On the ellipsoid ds² = M(φ)²dφ² + N(φ)²cos²φ dλ², with M ≥ a(1−e²) and N ≥ a. So inside a
// latitude band |φ| ≤ φmax every curve is at least as long as its image in the plane
// (X = kx·λ, Y = ky·φ) with kx = a·cos φmax and ky = a(1−e²) (per degree). The image of a
// geodesic is no shorter than the straight line between its ends, which is no shorter than
// the plane distance from the point to the target's bounding box. The geodesic can bulge
// poleward out of the band and a geodesic edge out of its vertices' box by ≈ L²·tanφ/(8R):
// millimetres at campus scale; LOWER_BOUND_FACTOR and BOUND_SLACK_M absorb that many times.
//
//        ky·Δφ ┌──────────┐
//         ▲    │  target  │        lowerBound = factor·√((kx·Δλ)² + (ky·Δφ)²) − slack
//         │    └──────────┘
//         └──────────────▶ kx·Δλ   . p

const DEG = Math.PI / 180;
const WGS84_A_M = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** Metres per degree of latitude, never more than the true value anywhere. */
const KY_MIN_M_PER_DEG = WGS84_A_M * (1 - WGS84_E2) * DEG;
/** Shrinks every lower bound by 0.1 %: far above the bulge of any geodesic under 100 km. */
export const LOWER_BOUND_FACTOR = 0.999;
/** Absolute slack for geodesic edges bulging out of their vertices' box, metres. */
export const BOUND_SLACK_M = 0.5;
/** Bounds are valid away from the poles; China lies well inside. */
const MAX_ABS_LAT_DEG = 85;

/** Metres per degree of longitude at |lat| ≤ maxAbsLat, never more than the true value. */
export function kxMinMPerDeg(maxAbsLatDeg: number): number {
  if (!(maxAbsLatDeg <= MAX_ABS_LAT_DEG))
    throw new RangeError(`bounds need |lat| ≤ ${MAX_ABS_LAT_DEG}°, got ${maxAbsLatDeg}`);
  return WGS84_A_M * Math.cos(maxAbsLatDeg * DEG) * DEG;
}

/** Conservative metres→degrees scales for a box around [south, north] reaching `reachM`. */
export interface BoxScale {
  dLatDeg: number;
  dLngDeg: number;
  kx: number;
  ky: number;
}

/** How far to grow a [w, s, e, n] box, in degrees, so it holds everything within reachM. */
export function scaleFor(south: number, north: number, reachM: number): BoxScale {
  const grownM = reachM / LOWER_BOUND_FACTOR + BOUND_SLACK_M;
  const dLatDeg = grownM / KY_MIN_M_PER_DEG;
  const maxAbsLat = Math.max(Math.abs(south - dLatDeg), Math.abs(north + dLatDeg));
  const kx = kxMinMPerDeg(maxAbsLat);
  return { dLatDeg, dLngDeg: grownM / kx, kx, ky: KY_MIN_M_PER_DEG };
}

/** A lower bound of the geodesic distance from (lng, lat) to a [w, s, e, n] box, metres. */
export function lowerBoundToBoxM(
  lng: number,
  lat: number,
  box: ArrayLike<number>,
  offset: number,
  scale: BoxScale,
): number {
  const dx = Math.max(0, box[offset]! - lng, lng - box[offset + 2]!) * scale.kx;
  const dy = Math.max(0, box[offset + 1]! - lat, lat - box[offset + 3]!) * scale.ky;
  return Math.sqrt(dx * dx + dy * dy) * LOWER_BOUND_FACTOR - BOUND_SLACK_M;
}
