// Chunks: a long ring or line cut into runs of CHUNK_VERTICES vertices, each with the box
// of its vertices and of the first vertex of the next run (so every edge that starts in
// the run lies in its box). When a tile meets only part of a river or a bus route, the
// runs wholly beyond one side of the buffered tile are skipped but for their two ends:
// clipping would throw their inner vertices away, and the edges into and out of the run
// stay the source's own.
//
//        ┌──────────┐
//   ○────┼───○      │   ○ run ends kept; ● inner vertices of a run beyond the
//  ●     │          │     left edge, skipped without looking at them
//   ●────┼──○       │
//        └──────────┘

/** Vertices per run: a box test stands in for this many vertex tests. */
export const CHUNK_VERTICES = 32;
/** Shapes of more vertices than this get chunk boxes. */
export const CHUNKED_FROM_VERTICES = 2 * CHUNK_VERTICES;
const BOX = 4;

/** Runs in a ring of n vertices. */
export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_VERTICES);
}

/** The boxes of every run of every ring (rings in order, runs in order), world units. */
export function chunkBoxesOf(coords: Float64Array, ringStarts: Uint32Array): Float64Array {
  let total = 0;
  for (let r = 0; r + 1 < ringStarts.length; r++)
    total += chunkCount(ringStarts[r + 1]! - ringStarts[r]!);
  const boxes = new Float64Array(total * BOX);
  let c = 0;
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const [first, end] = [ringStarts[r]!, ringStarts[r + 1]!];
    for (let a = first; a < end; a += CHUNK_VERTICES, c++) {
      // The run's vertices and the first of the next run: its last edge ends there.
      const last = Math.min(a + CHUNK_VERTICES, end - 1);
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let v = a; v <= last; v++) {
        const x = coords[2 * v]!;
        const y = coords[2 * v + 1]!;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
      boxes.set([minX, minY, maxX, maxY], c * BOX);
    }
  }
  return boxes;
}
