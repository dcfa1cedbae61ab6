import type { XY } from './local.ts';
import { dist, dot, isSimpleRing, lerp, signedArea, sub } from './planar.ts';

// Voronoi cells clipped to a region, by Sutherland–Hodgman against half-planes:
// the cell of seed a is the region cut by every bisector "closer to a than to b".
//
//        b ·          the half-plane kept for a: (p − m)·(a − b) ≥ 0, m = (a + b) / 2
//      ----+---- bisector
//        a ·
//
// Neighbouring cells compute the same bisector, so their shared edges agree to ~1e-9 m;
// snapVertices then makes shared vertices identical so the cells tile without slivers.

function clipHalfPlane(ring: readonly XY[], keep: (p: XY) => number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const fp = keep(p);
    const fq = keep(q);
    if (fp >= 0) out.push(p);
    if ((fp >= 0 && fq < 0) || (fp < 0 && fq >= 0)) out.push(lerp(p, q, fp / (fp - fq)));
  }
  return out;
}

/** The part of `region` closer to seeds[index] than to every other seed. */
export function voronoiCell(region: readonly XY[], seeds: readonly XY[], index: number): XY[] {
  const a = seeds[index]!;
  let cell: XY[] = [...region];
  seeds.forEach((b, j) => {
    if (j === index || cell.length === 0) return;
    const m: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const ab = sub(a, b);
    cell = clipHalfPlane(cell, (p) => dot(sub(p, m), ab));
  });
  return cell;
}

/** Every seed's cell, with shared vertices snapped together and degenerate vertices dropped. */
export function voronoiTiles(region: readonly XY[], seeds: readonly XY[], snapM: number): XY[][] {
  const cells = seeds.map((_, i) => voronoiCell(region, seeds, i));
  const tiles = snapVertices([region, ...cells], snapM).slice(1);
  tiles.forEach((tile, i) => {
    if (tile.length < 3 || signedArea(tile) <= 0 || !isSimpleRing(tile)) {
      throw new Error(`voronoiTiles: cell ${i} is empty or not simple; move the seeds apart`);
    }
  });
  return tiles;
}

/** Replace vertices within snapM of an earlier vertex by that vertex; drop repeats. */
export function snapVertices(rings: readonly (readonly XY[])[], snapM: number): XY[][] {
  const canon: XY[] = [];
  const snap = (p: XY): XY => {
    for (const c of canon) if (dist(c, p) <= snapM) return c;
    canon.push(p);
    return p;
  };
  return rings.map((ring) => {
    const out: XY[] = [];
    for (const p of ring.map(snap)) if (out[out.length - 1] !== p) out.push(p);
    while (out.length > 1 && out[0] === out[out.length - 1]) out.pop();
    return out;
  });
}
