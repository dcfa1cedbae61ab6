import type { Areal, Position } from '@atlas/model';
import type { Metres } from './units.ts';
import { emptyNearest } from './distance-to-segment.ts';
import { nearestOnEdges, type Polylines } from './nearest-on-edges.ts';
import { arealSide } from './point-in-areal.ts';

/** Every ring of every part, as polylines (closed rings repeat their first position). */
export function arealRings(area: Areal): Polylines {
  return area.type === 'Polygon' ? area.coordinates : area.coordinates.flat(1);
}

/**
 * Geodesic distance from p to an area whose edges are geodesics.
 * Inside (or on the boundary): 0, nearest = p. Outside — including inside a hole — the distance
 * to the nearest ring, exact to micrometres (GeographicLib).
 */
export function geodesicDistanceToArealM(
  p: Position,
  area: Areal,
): { distanceM: Metres; nearest: Position; inside: boolean } {
  if (arealSide(p, area) !== 'outside')
    return { distanceM: 0 as Metres, nearest: [p[0], p[1]], inside: true };
  const r = nearestOnEdges(p, arealRings(area), emptyNearest());
  if (!(r.distanceM < Infinity)) {
    throw new TypeError('geodesicDistanceToArealM: expected an area with at least one ring edge');
  }
  return { distanceM: r.distanceM as Metres, nearest: [r.lng, r.lat], inside: false };
}
