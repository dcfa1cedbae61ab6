import { geodesicDistanceM, geodesicDistanceToSegmentM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import { scaleFor } from '../bounds.ts';
import { nodePosition } from './network.ts';
import type { WalkNetwork } from './network.ts';

// Enter (or leave) the network at the nearest point: the exact geodesic projection onto the
// nearest segment. Candidates come from the segment R-tree: the segment whose box is nearest
// in degrees gives an upper bound d; every segment that could be nearer lies in the box grown
// by d (bounds.ts never under-reaches), and each of those is measured exactly.

export interface Snap {
  segment: number;
  /** The nearest point of the network. */
  point: Position;
  /** From the snapped position to that point, metres (the walk on or off the network). */
  legM: number;
  /** Along the segment from its node A to the point, metres. */
  alongM: number;
}

function exactSnap(net: WalkNetwork, p: Position, s: number): Snap {
  const a = nodePosition(net, net.segA[s]!);
  const b = nodePosition(net, net.segB[s]!);
  const r = geodesicDistanceToSegmentM(p, a, b);
  const alongM = Math.min(geodesicDistanceM(a, r.nearest), net.segLengthM[s]!);
  return { segment: s, point: r.nearest, legM: r.distanceM, alongM };
}

export function snapToNetwork(net: WalkNetwork, p: Position): Snap {
  const first = net.segments.neighbors(p[0], p[1], 1)[0];
  if (first === undefined) throw new Error('snapToNetwork: the network has no segments');
  let best = exactSnap(net, p, first);
  const scale = scaleFor(p[1], p[1], best.legM);
  const near = net.segments.search(
    p[0] - scale.dLngDeg,
    p[1] - scale.dLatDeg,
    p[0] + scale.dLngDeg,
    p[1] + scale.dLatDeg,
  );
  for (const s of near) {
    if (s === first) continue;
    const snap = exactSnap(net, p, s);
    if (snap.legM < best.legM) best = snap;
  }
  return best;
}
