import type { Bbox, Position } from '@atlas/model';

// Where Chinese data can be. A coarse box (with neighbours' corners) is enough to catch a
// wrong CRS or swapped lng/lat: those land thousands of kilometres away, or in the ocean.

/** [west, south, east, north] around China's territory, South China Sea islands included. */
export const CHINA_BBOX_DEG: Bbox = [73.4, 3.8, 135.1, 53.6];

export function inBbox([x, y]: Position, [w, s, e, n]: Bbox): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

/** Widen a bbox by about `m` metres on each side. */
export function widenBbox([w, s, e, n]: Bbox, m: number): Bbox {
  const METRES_PER_DEGREE = 111_320;
  const dLat = m / METRES_PER_DEGREE;
  const dLng =
    m /
    (METRES_PER_DEGREE *
      Math.max(Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180), 0.01));
  return [w - dLng, s - dLat, e + dLng, n + dLat];
}
