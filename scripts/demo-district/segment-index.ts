import type { XY } from './local.ts';
import { distToSegment, pointInRing, segmentsIntersect } from './planar.ts';

// A uniform grid of line segments (local metres), so placement checks ("is any road within
// 5 m of this campus?") look only at nearby segments instead of every road in the county.

const CELL_M = 250;

interface Segment {
  a: XY;
  b: XY;
}

export class SegmentIndex {
  private readonly cells = new Map<string, Segment[]>();

  addLine(line: readonly XY[]): void {
    for (let i = 1; i < line.length; i++) this.add(line[i - 1]!, line[i]!);
  }

  addRing(ring: readonly XY[]): void {
    this.addLine([...ring, ring[0]!]);
  }

  add(a: XY, b: XY): void {
    const seg = { a, b };
    for (const key of this.keys(
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]),
      Math.max(a[1], b[1]),
    )) {
      const list = this.cells.get(key);
      if (list) list.push(seg);
      else this.cells.set(key, [seg]);
    }
  }

  /** True when some segment comes within `radiusM` of p. */
  near(p: XY, radiusM: number): boolean {
    return this.query(p[0] - radiusM, p[1] - radiusM, p[0] + radiusM, p[1] + radiusM).some(
      (s) => distToSegment(p, s.a, s.b) < radiusM,
    );
  }

  /** True when some segment crosses the ring, lies inside it, or comes within clearanceM. */
  touchesRing(ring: readonly XY[], clearanceM: number): boolean {
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const segs = this.query(
      Math.min(...xs) - clearanceM,
      Math.min(...ys) - clearanceM,
      Math.max(...xs) + clearanceM,
      Math.max(...ys) + clearanceM,
    );
    return segs.some((s) => {
      if (pointInRing(s.a, ring) || pointInRing(s.b, ring)) return true;
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i]!;
        const q = ring[(i + 1) % ring.length]!;
        if (segmentsIntersect(p, q, s.a, s.b)) return true;
        if (distToSegment(p, s.a, s.b) < clearanceM || distToSegment(s.a, p, q) < clearanceM)
          return true;
      }
      return false;
    });
  }

  private query(x0: number, y0: number, x1: number, y1: number): Segment[] {
    const seen = new Set<Segment>();
    for (const key of this.keys(x0, y0, x1, y1))
      for (const s of this.cells.get(key) ?? []) seen.add(s);
    return [...seen];
  }

  private *keys(x0: number, y0: number, x1: number, y1: number): Generator<string> {
    for (let i = Math.floor(x0 / CELL_M); i <= Math.floor(x1 / CELL_M); i++) {
      for (let j = Math.floor(y0 / CELL_M); j <= Math.floor(y1 / CELL_M); j++) yield `${i},${j}`;
    }
  }
}
