import type { Position } from '@atlas/model';

// The generator lays the district out in a local plane (metres east, north of the centre)
// and converts to WGS84 [lng, lat] only when writing a feature. The plane is only for
// drawing the district; every distance that matters (planted stores) is geodesic.

/** Local plane coordinates: metres [east, north] of the district centre. */
export type XY = readonly [number, number];

/** The district centre, in hilly western Hubei (宜昌 area). */
export const CENTRE_LNG = 111.3;
export const CENTRE_LAT = 30.8;

const COORD_DECIMALS = 7; // 1e-7° ≈ 1 cm
const ROUND_FACTOR = 10 ** COORD_DECIMALS;

const phi = (CENTRE_LAT * Math.PI) / 180;
// Length of one degree on WGS84 at the centre latitude (series for the meridian and parallel).
const M_PER_DEG_LAT = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
const M_PER_DEG_LNG =
  111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);

export function round7(value: number): number {
  return Math.round(value * ROUND_FACTOR) / ROUND_FACTOR;
}

/** Local metres → [lng, lat] rounded to 7 decimals (as written to the files). */
export function toLngLat(p: XY): Position {
  return [round7(CENTRE_LNG + p[0] / M_PER_DEG_LNG), round7(CENTRE_LAT + p[1] / M_PER_DEG_LAT)];
}

/** [lng, lat] → local metres (inverse of toLngLat up to rounding). */
export function toLocal(p: Position): XY {
  return [(p[0] - CENTRE_LNG) * M_PER_DEG_LNG, (p[1] - CENTRE_LAT) * M_PER_DEG_LAT];
}

/** A closed GeoJSON ring from an open local ring (first position repeated at the end). */
export function toClosedRing(ring: readonly XY[]): Position[] {
  const out = ring.map(toLngLat);
  out.push([out[0]![0], out[0]![1]]);
  return out;
}
