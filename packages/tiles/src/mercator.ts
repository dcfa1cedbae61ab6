import type { Bbox } from '@atlas/model';

// Web Mercator "world" coordinates: the whole map is the unit square, x east from the
// antimeridian, y south from the top (≈85.05°N), as MVT tiles address it.
//
//   (0,0) ┌──────────┐ x → 1
//         │  z0 tile │
//       1 └──────────┘
//         y ↓

/** Latitude beyond which Web Mercator is cut off (degrees). */
export const MERCATOR_MAX_LAT_DEG = 85.0511287798066;

export function lngToX(lng: number): number {
  return lng / 360 + 0.5;
}

export function latToY(lat: number): number {
  const clamped = Math.max(-MERCATOR_MAX_LAT_DEG, Math.min(MERCATOR_MAX_LAT_DEG, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

export function xToLng(x: number): number {
  return (x - 0.5) * 360;
}

export function yToLat(y: number): number {
  const y2 = 180 - y * 360;
  return (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
}

/** A box in world coordinates: [minX, minY, maxX, maxY]. */
export type WorldBox = [number, number, number, number];

/** A [west, south, east, north] box in degrees → world box (north becomes minY). */
export function bboxToWorld([w, s, e, n]: Bbox): WorldBox {
  return [lngToX(w), latToY(n), lngToX(e), latToY(s)];
}
