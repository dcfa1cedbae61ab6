import type { Position } from '@atlas/model';
import type { Metres } from './units.ts';
import { assertPosition, emptyNearest } from './distance-to-segment.ts';
import { nearestOnEdges } from './nearest-on-edges.ts';

/**
 * Geodesic distance from p to a polyline whose edges are geodesics, and the nearest point on it.
 * Exact to micrometres; cost ≈ one exact segment walk per edge that could be nearest.
 */
export function geodesicDistanceToLineM(
  p: Position,
  line: readonly Position[],
): { distanceM: Metres; nearest: Position } {
  assertPosition(p, 'geodesicDistanceToLineM p');
  if (!Array.isArray(line) || line.length === 0) {
    throw new TypeError(
      'geodesicDistanceToLineM: expected a line of at least one [lng, lat] position',
    );
  }
  line.forEach((q, i) => assertPosition(q, `geodesicDistanceToLineM line[${i}]`));
  // A single position is a zero-length line: its distance is the distance to that point.
  const edges = line.length === 1 ? [[line[0]!, line[0]!]] : [line];
  const r = nearestOnEdges(p, edges, emptyNearest());
  return { distanceM: r.distanceM as Metres, nearest: [r.lng, r.lat] };
}
