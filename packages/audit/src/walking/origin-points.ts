import { geodesicDistanceM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import type { Origin } from '@atlas/rules';
import { arealRings } from '../bbox.ts';
import type { OriginGeometry } from '../measure.ts';

// Where a walk starts, per origin. Gates are points; the campus outline walks from every
// vertex of its rings (a shop inside the campus is at 0, decided before walking).
//   nearest_gate: the gate nearest the shop in a straight line, then walked from there;
//   every_gate:   walked from every gate, the shortest counts;
//   main_gate:    the main gate(s); school_point: the point.

export interface WalkStart {
  /** Names the point set within the school, for reusing its search. */
  key: string;
  points: Position[];
}

export function walkStart(origin: Origin, geometry: OriginGeometry, shop: Position): WalkStart {
  if (geometry.kind === 'areal')
    return { key: origin, points: arealRings(geometry.areal).flatMap((r) => r.slice(0, -1)) };
  if (origin !== 'nearest_gate') return { key: origin, points: geometry.points };
  let best = 0;
  let bestM = Infinity;
  geometry.points.forEach((g, i) => {
    const m = geodesicDistanceM(g, shop);
    if (m < bestM) [best, bestM] = [i, m];
  });
  return { key: `${origin}:${best}`, points: [geometry.points[best]!] };
}
