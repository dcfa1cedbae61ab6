import type { Position } from '@atlas/model';

// Do two edges cross? Decided in the lng/lat plane. A geodesic edge of length L departs from
// the straight lng/lat chord by at most ≈ L²·tanφ/(8R): millimetres for campus edges, so the
// answer can differ from the ellipsoid only for edges that pass within millimetres of each
// other — where the distance is ~0 and the finding is decided by uncertainty anyway.
//
//      b1            orient(a1, a2, b1) and orient(a1, a2, b2) differ in sign,
//   a1 ─┼───── a2    and orient(b1, b2, a1) and orient(b1, b2, a2) differ too
//      b2

function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: Position, b: Position, c: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

/** The point where segments a1–a2 and b1–b2 meet (touching counts), or null. */
export function segmentIntersection(
  a1: Position,
  a2: Position,
  b1: Position,
  b2: Position,
): Position | null {
  const d1 = orient(b1, b2, a1);
  const d2 = orient(b1, b2, a2);
  const d3 = orient(a1, a2, b1);
  const d4 = orient(a1, a2, b2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a1[0] + t * (a2[0] - a1[0]), a1[1] + t * (a2[1] - a1[1])];
  }
  if (d1 === 0 && onSegment(b1, b2, a1)) return a1;
  if (d2 === 0 && onSegment(b1, b2, a2)) return a2;
  if (d3 === 0 && onSegment(a1, a2, b1)) return b1;
  if (d4 === 0 && onSegment(a1, a2, b2)) return b2;
  return null;
}

/** The first point where a polyline meets any ring edge, or null. */
export function firstCrossing(
  line: readonly Position[],
  rings: readonly Position[][],
): Position | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      w = Math.min(w, p[0]);
      s = Math.min(s, p[1]);
      e = Math.max(e, p[0]);
      n = Math.max(n, p[1]);
    }
  for (let i = 1; i < line.length; i++) {
    const a1 = line[i - 1]!;
    const a2 = line[i]!;
    // most edges of a long line are nowhere near the rings
    if (Math.max(a1[0], a2[0]) < w || Math.min(a1[0], a2[0]) > e) continue;
    if (Math.max(a1[1], a2[1]) < s || Math.min(a1[1], a2[1]) > n) continue;
    for (const ring of rings) {
      for (let j = 1; j < ring.length; j++) {
        const hit = segmentIntersection(a1, a2, ring[j - 1]!, ring[j]!);
        if (hit) return hit;
      }
    }
  }
  return null;
}
