import type { Position } from '@atlas/model';
import type { Measured } from '../measure.ts';
import { nodePosition } from './network.ts';
import type { WalkNetwork } from './network.ts';
import { WalkSearch } from './search.ts';
import type { Seed } from './search.ts';
import { snapToNetwork } from './snap.ts';
import type { Snap } from './snap.ts';

// Walking distance ("行人最短路线") from a school's origin points to a shop along the walkable
// roads: walk straight from the origin to its nearest network point, along the roads, then
// straight from the network point nearest the shop to the shop. With several origin points
// (every gate, the outline's vertices) the shortest counts. Every length is geodesic.
//
//   origin ─leg─▶ o ══ roads ══ A ──── t ◀─leg─ shop     A: an end of the shop's segment
//
// The path is kept for drawing. null: the shop is not connected to any origin by the roads.

interface OriginSearch {
  points: Position[];
  snaps: Snap[];
  search: WalkSearch;
}

/** Walking distances for one school at a time; searches are kept until the school changes. */
export class WalkMeasurer {
  private school = -1;
  private readonly searches = new Map<string, OriginSearch>();

  constructor(private readonly net: WalkNetwork) {}

  /** Drop kept searches (a school's geometry changed). */
  reset(): void {
    this.school = -1;
    this.searches.clear();
  }

  /** `key` names the origin-point set within the school (e.g. "every_gate"). */
  measure(schoolIdx: number, key: string, points: Position[], shop: Position): Measured | null {
    if (schoolIdx !== this.school) {
      this.school = schoolIdx;
      this.searches.clear();
    }
    let origin = this.searches.get(key);
    if (!origin) {
      origin = this.startSearch(points);
      this.searches.set(key, origin);
    }
    return this.walk(origin, shop);
  }

  private startSearch(points: Position[]): OriginSearch {
    const net = this.net;
    const snaps = points.map((p) => snapToNetwork(net, p));
    const seeds: Seed[] = [];
    snaps.forEach((s, label) => {
      seeds.push({ node: net.segA[s.segment]!, costM: s.legM + s.alongM, label });
      seeds.push({
        node: net.segB[s.segment]!,
        costM: s.legM + net.segLengthM[s.segment]! - s.alongM,
        label,
      });
    });
    return { points, snaps, search: new WalkSearch(net, seeds) };
  }

  private walk(origin: OriginSearch, shop: Position): Measured | null {
    const net = this.net;
    const t = snapToNetwork(net, shop);
    let bestM = Infinity;
    let path: Position[] = [];
    let from = 0;
    // along the shop's own segment, without passing a node
    origin.snaps.forEach((o, i) => {
      if (o.segment !== t.segment) return;
      const m = o.legM + Math.abs(o.alongM - t.alongM) + t.legM;
      if (m < bestM) {
        bestM = m;
        from = i;
        path = [origin.points[i]!, o.point, t.point, shop];
      }
    });
    // through either end of the shop's segment
    const ends: [number, number][] = [
      [net.segA[t.segment]!, t.alongM],
      [net.segB[t.segment]!, net.segLengthM[t.segment]! - t.alongM],
    ];
    for (const [node, toShopM] of ends) {
      const m = origin.search.distanceTo(node) + toShopM + t.legM;
      if (!(m < bestM)) continue;
      bestM = m;
      from = origin.search.label[node]!;
      const nodes = origin.search.nodesTo(node).map((n) => nodePosition(net, n));
      path = [origin.points[from]!, origin.snaps[from]!.point, ...nodes, t.point, shop];
    }
    if (!Number.isFinite(bestM)) return null;
    return {
      distanceM: bestM,
      originPoint: origin.points[from]!,
      targetPoint: shop,
      path: withoutRepeats(path),
    };
  }
}

function withoutRepeats(path: Position[]): Position[] {
  return path.filter((p, i) => i === 0 || p[0] !== path[i - 1]![0] || p[1] !== path[i - 1]![1]);
}
