import type { Position } from '@atlas/model';
import { emptyNearest, nearestOnSegment, type NearestScratch } from './distance-to-segment.ts';
import { emptyFoot, localPlaneAt, planarFoot, planeErrorBoundM } from './local-plane.ts';

// The nearest point to p over many geodesic edges, in two passes that allocate nothing per edge:
//   1. in a local plane around p, bound every edge's distance: planar ± planeErrorBoundM;
//      walk the edge with the smallest upper bound exactly (distance-to-segment.ts);
//   2. walk exactly only the edges whose lower bound still beats the best exact distance.
// For a point near a campus that is 1–3 exact walks instead of one per edge.

/** Polylines: each a run of positions whose consecutive pairs are edges (a closed ring repeats its first). */
export type Polylines = readonly (readonly Position[])[];

/** Writes the nearest point on any edge of `lines` to p into `out` (distance Infinity if there is no edge). */
export function nearestOnEdges(p: Position, lines: Polylines, out: NearestScratch): NearestScratch {
  const plane = localPlaneAt(p[0], p[1]);
  const foot = emptyFoot();
  let bestUpperM = Infinity;
  let bestLine = -1;
  let bestEdge = -1;
  let bestT = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    for (let i = 0; i + 1 < line.length; i++) {
      planarFoot(plane, line[i]!, line[i + 1]!, foot);
      const upperM = foot.distanceM + planeErrorBoundM(plane, foot.distanceM, foot.chordM);
      if (upperM < bestUpperM) {
        bestUpperM = upperM;
        bestLine = l;
        bestEdge = i;
        bestT = foot.t;
      }
    }
  }
  out.distanceM = Infinity;
  if (bestLine < 0) return out;
  const first = lines[bestLine]!;
  nearestOnSegment(p, first[bestEdge]!, first[bestEdge + 1]!, bestT, out);
  const candidate = emptyNearest();
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    for (let i = 0; i + 1 < line.length; i++) {
      if (l === bestLine && i === bestEdge) continue;
      planarFoot(plane, line[i]!, line[i + 1]!, foot);
      const lowerM = foot.distanceM - planeErrorBoundM(plane, foot.distanceM, foot.chordM);
      if (lowerM >= out.distanceM) continue;
      nearestOnSegment(p, line[i]!, line[i + 1]!, foot.t, candidate);
      if (candidate.distanceM < out.distanceM) {
        out.distanceM = candidate.distanceM;
        out.lng = candidate.lng;
        out.lat = candidate.lat;
      }
    }
  }
  return out;
}
