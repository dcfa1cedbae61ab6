import polylabel from 'polylabel';
import type { Areal, Position } from '@atlas/model';

// Where a polygon's name goes: the point inside it farthest from its edges (polylabel), taken
// in the largest part of a multipolygon. One point per feature, so a name is never repeated
// at tile edges as it would be if MapLibre placed labels on the polygon itself.

/** polylabel precision in degrees (about 10 m), plenty for placing a name. */
const LABEL_PRECISION_DEG = 0.0001;

function ringAreaDeg2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    sum += (xj - xi) * (yj + yi);
  }
  return Math.abs(sum / 2);
}

export function labelPoint(geometry: Areal): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0]!;
  for (const p of polygons) if (ringAreaDeg2(p[0]!) > ringAreaDeg2(best[0]!)) best = p;
  const [lng, lat] = polylabel(best, LABEL_PRECISION_DEG);
  return [lng, lat];
}
