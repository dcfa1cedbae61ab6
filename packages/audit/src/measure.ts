import {
  geodesicDistanceM,
  geodesicDistanceToArealM,
  geodesicDistanceToLineM,
  pointInAreal,
} from '@atlas/geo';
import type { Areal, Position } from '@atlas/model';
import { arealRings } from './bbox.ts';
import { firstCrossing } from './crossing.ts';

// Exact geodesic distance (WGS84) between a school's origin and a target, with the nearest
// point on each side for drawing the line. 0 when they touch, overlap or one holds the other.
//
// Between two polylines/outlines that do not meet, the shortest geodesic joins a vertex of one
// to the nearest point of the other (true in the plane and, for edges of a few km, on the
// ellipsoid to far below a millimetre), so vertex-to-geometry distances in both directions
// give the exact minimum.

export type OriginGeometry =
  { kind: 'areal'; areal: Areal } | { kind: 'points'; points: Position[] };

export type TargetGeometry =
  | { kind: 'point'; point: Position }
  | { kind: 'line'; line: Position[] }
  | { kind: 'areal'; areal: Areal };

export interface Measured {
  distanceM: number;
  originPoint: Position;
  targetPoint: Position;
  /** Walking distances only: the path walked, origin to target. */
  path?: Position[];
}

/** Target vertices outside this [w, s, e, n] box (already grown by the reach) are skipped. */
type NearBox = ArrayLike<number> | null;

export function measure(
  origin: OriginGeometry,
  target: TargetGeometry,
  near: NearBox = null,
): Measured {
  if (origin.kind === 'points') return fromPoints(origin.points, target);
  if (target.kind === 'point') return pointToAreal(target.point, origin.areal, true);
  if (target.kind === 'line') return arealToShape(origin.areal, [target.line], null, near);
  return arealToShape(origin.areal, arealRings(target.areal), target.areal, near);
}

function fromPoints(points: Position[], target: TargetGeometry): Measured {
  let best: Measured | null = null;
  for (const o of points) {
    const m = pointTo(o, target);
    if (!best || m.distanceM < best.distanceM) best = m;
  }
  if (!best) throw new Error('measure: a points origin needs at least one point');
  return best;
}

function pointTo(o: Position, target: TargetGeometry): Measured {
  switch (target.kind) {
    case 'point':
      return {
        distanceM: geodesicDistanceM(o, target.point),
        originPoint: o,
        targetPoint: target.point,
      };
    case 'line': {
      const r = geodesicDistanceToLineM(o, target.line);
      return { distanceM: r.distanceM, originPoint: o, targetPoint: r.nearest };
    }
    case 'areal':
      return pointToAreal(o, target.areal, false);
  }
}

/** p to an area; `areaIsOrigin` says which side of the result the area's point goes on. */
function pointToAreal(p: Position, area: Areal, areaIsOrigin: boolean): Measured {
  const r = geodesicDistanceToArealM(p, area);
  const onArea = r.inside ? p : r.nearest;
  return areaIsOrigin
    ? { distanceM: r.inside ? 0 : r.distanceM, originPoint: onArea, targetPoint: p }
    : { distanceM: r.inside ? 0 : r.distanceM, originPoint: p, targetPoint: onArea };
}

function inBox(p: Position, box: NearBox): boolean {
  return !box || (p[0] >= box[0]! && p[1] >= box[1]! && p[0] <= box[2]! && p[1] <= box[3]!);
}

/** A campus to polylines (a line's one, or an area's rings when targetAreal is given). */
function arealToShape(
  campus: Areal,
  targetLines: Position[][],
  targetAreal: Areal | null,
  near: NearBox,
): Measured {
  const campusRings = arealRings(campus);

  // 1. touching or overlapping: a target vertex inside the campus, or edges crossing
  for (const line of targetLines)
    for (const v of line) if (inBox(v, near) && pointInAreal(v, campus)) return zeroAt(v);
  for (const line of targetLines) {
    const hit = firstCrossing(line, campusRings);
    if (hit) return zeroAt(hit);
  }
  // 2. the campus inside a target area (no edge crossed, so any campus vertex tells)
  const someCampusVertex = campusRings[0]![0]!;
  if (targetAreal && pointInAreal(someCampusVertex, targetAreal)) return zeroAt(someCampusVertex);

  // 3. apart: the nearest pair joins a vertex of one side to the other side
  let best: Measured = {
    distanceM: Infinity,
    originPoint: someCampusVertex,
    targetPoint: someCampusVertex,
  };
  for (const line of targetLines)
    for (const v of line) {
      if (!inBox(v, near)) continue;
      const m = pointToAreal(v, campus, true);
      if (m.distanceM < best.distanceM) best = m;
    }
  for (const ring of campusRings)
    for (const w of ring) {
      for (const line of targetLines) {
        const r = geodesicDistanceToLineM(w, line);
        if (r.distanceM < best.distanceM)
          best = { distanceM: r.distanceM, originPoint: w, targetPoint: r.nearest };
      }
    }
  return best;
}

function zeroAt(p: Position): Measured {
  return { distanceM: 0, originPoint: p, targetPoint: p };
}
