import type { Position } from '@atlas/model';
import { toLngLat, type XY } from './local.ts';
import { dist } from './planar.ts';
import type { RoadLine } from './roads.ts';

// The drivable road network as a graph: nodes are written positions (lines that share a
// vertex share a node), edges are segments weighted by length. Shortest paths by Dijkstra
// with a binary heap; ties broken by node number, so paths are deterministic.

export class RoadGraph {
  private readonly ids = new Map<string, number>();
  private readonly positions: Position[] = [];
  private readonly adjacency: { to: number; m: number }[][] = [];

  constructor(lines: readonly RoadLine[]) {
    for (const line of lines) {
      for (let i = 1; i < line.pts.length; i++) {
        const a = this.node(line.pts[i - 1]!);
        const b = this.node(line.pts[i]!);
        if (a === b) continue;
        const m = dist(line.pts[i - 1]!, line.pts[i]!);
        this.adjacency[a]!.push({ to: b, m });
        this.adjacency[b]!.push({ to: a, m });
      }
    }
  }

  has(p: XY): boolean {
    return this.ids.has(key(toLngLat(p)));
  }

  /** The shortest path as written positions, or null when the ends are not connected. */
  shortestPath(from: XY, to: XY): Position[] | null {
    const start = this.ids.get(key(toLngLat(from)));
    const goal = this.ids.get(key(toLngLat(to)));
    if (start === undefined || goal === undefined) return null;
    const best = new Float64Array(this.positions.length).fill(Infinity);
    const prev = new Int32Array(this.positions.length).fill(-1);
    const heap = new MinHeap();
    best[start] = 0;
    heap.push(0, start);
    while (heap.size > 0) {
      const [d, n] = heap.pop();
      if (n === goal) break;
      if (d > best[n]!) continue;
      for (const e of this.adjacency[n]!) {
        const nd = d + e.m;
        if (nd < best[e.to]!) {
          best[e.to] = nd;
          prev[e.to] = n;
          heap.push(nd, e.to);
        }
      }
    }
    if (best[goal] === Infinity) return null;
    const path: Position[] = [];
    for (let n = goal; n !== -1; n = prev[n]!) path.push(this.positions[n]!);
    return path.reverse();
  }

  private node(p: XY): number {
    const pos = toLngLat(p);
    const k = key(pos);
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.positions.length;
      this.ids.set(k, id);
      this.positions.push(pos);
      this.adjacency.push([]);
    }
    return id;
  }
}

const key = (p: Position) => `${p[0]},${p[1]}`;

class MinHeap {
  private readonly items: [number, number][] = [];
  get size() {
    return this.items.length;
  }
  push(d: number, n: number) {
    const a = this.items;
    a.push([d, n]);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): [number, number] {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const less = (x: [number, number], y: [number, number]) =>
  x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
