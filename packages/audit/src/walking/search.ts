import type { WalkNetwork } from './network.ts';

// Dijkstra from several seeded nodes, run lazily: distanceTo(n) continues the search only until
// n is settled, so one search per school origin serves all the shops near it, and a far shop
// costs no more than the streets between. Each node remembers its predecessor and which seed
// its path started from, for drawing the path.

export interface Seed {
  node: number;
  costM: number;
  /** Caller's label of the seed (which origin point it came from). */
  label: number;
}

export class WalkSearch {
  readonly distM: Float64Array;
  readonly pred: Int32Array;
  readonly label: Int32Array;
  private readonly settled: Uint8Array;
  // a binary min-heap of (cost, node) with lazy deletion
  private heapCost: number[] = [];
  private heapNode: number[] = [];

  constructor(
    private readonly net: WalkNetwork,
    seeds: readonly Seed[],
  ) {
    const n = net.lng.length;
    this.distM = new Float64Array(n).fill(Infinity);
    this.pred = new Int32Array(n).fill(-1);
    this.label = new Int32Array(n).fill(-1);
    this.settled = new Uint8Array(n);
    for (const s of seeds) {
      if (s.costM < this.distM[s.node]!) {
        this.distM[s.node] = s.costM;
        this.label[s.node] = s.label;
        this.push(s.costM, s.node);
      }
    }
  }

  /** Shortest walking distance from the seeds to node n, metres (Infinity: not connected). */
  distanceTo(n: number): number {
    const net = this.net;
    while (!this.settled[n] && this.heapNode.length > 0) {
      const [cost, u] = this.pop();
      if (this.settled[u] || cost > this.distM[u]!) continue;
      this.settled[u] = 1;
      for (let e = net.adjStart[u]!; e < net.adjStart[u + 1]!; e++) {
        const v = net.adjNode[e]!;
        const c = cost + net.adjLengthM[e]!;
        if (c < this.distM[v]!) {
          this.distM[v] = c;
          this.pred[v] = u;
          this.label[v] = this.label[u]!;
          this.push(c, v);
        }
      }
    }
    return this.settled[n] ? this.distM[n]! : Infinity;
  }

  /** Nodes from the seed to n (after distanceTo(n) returned a finite distance). */
  nodesTo(n: number): number[] {
    const out: number[] = [];
    for (let u = n; u !== -1; u = this.pred[u]!) out.push(u);
    return out.reverse();
  }

  private push(cost: number, node: number): void {
    const hc = this.heapCost;
    const hn = this.heapNode;
    let i = hc.length;
    hc.push(cost);
    hn.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hc[parent]! <= cost) break;
      hc[i] = hc[parent]!;
      hn[i] = hn[parent]!;
      i = parent;
    }
    hc[i] = cost;
    hn[i] = node;
  }

  private pop(): [number, number] {
    const hc = this.heapCost;
    const hn = this.heapNode;
    const top: [number, number] = [hc[0]!, hn[0]!];
    const lastC = hc.pop()!;
    const lastN = hn.pop()!;
    const size = hc.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= size) break;
        if (m + 1 < size && hc[m + 1]! < hc[m]!) m++;
        if (hc[m]! >= lastC) break;
        hc[i] = hc[m]!;
        hn[i] = hn[m]!;
        i = m;
      }
      hc[i] = lastC;
      hn[i] = lastN;
    }
    return top;
  }
}
