import polylabel from 'polylabel';
import type { ShapeRecord } from './records.ts';

// Where a shape is drawn as a point (a tiny polygon) or counted in a cell: for a polygon the
// pole of inaccessibility of its outer ring with the most vertices (with that ring's holes),
// for a line its middle vertex. Computed on first use and kept: most polygons are never tiny
// where they are drawn (a perimeter ring from z13, a campus from z12), and polylabel was a
// sixth of the time a tile spent computing the rings of the schools it meets.

/** polylabel precision as a fraction of the outline's larger side. */
const LABEL_PRECISION_FRACTION = 0.02;

export function anchorOf(record: ShapeRecord): [number, number] {
  return (record.anchor ??=
    record.kind === 'polygon' ? poleOf(record) : middleVertex(record.coords));
}

function middleVertex(coords: Float64Array): [number, number] {
  const m = Math.floor(coords.length / 4);
  return [coords[2 * m]!, coords[2 * m + 1]!];
}

function ringPoints(record: ShapeRecord, r: number): [number, number][] {
  const { coords, ringStarts } = record;
  const out: [number, number][] = [];
  for (let v = ringStarts[r]!; v < ringStarts[r + 1]!; v++)
    out.push([coords[2 * v]!, coords[2 * v + 1]!]);
  return out;
}

function poleOf(record: ShapeRecord): [number, number] {
  const { outer, ringStarts, box } = record;
  const rings = ringStarts.length - 1;
  let best = -1;
  let bestVertices = -1;
  for (let r = 0; r < rings; r++) {
    const vertices = ringStarts[r + 1]! - ringStarts[r]!;
    if (outer[r] === 1 && vertices > bestVertices) [best, bestVertices] = [r, vertices];
  }
  if (best < 0) return middleVertex(record.coords);
  const polygon = [ringPoints(record, best)];
  for (let h = best + 1; h < rings && outer[h] !== 1; h++) polygon.push(ringPoints(record, h));
  const precision = Math.max(box[2] - box[0], box[3] - box[1]) * LABEL_PRECISION_FRACTION;
  const [x, y] = polylabel(polygon, precision);
  return [x!, y!];
}
