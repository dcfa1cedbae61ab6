import { CHUNK_VERTICES, chunkCount } from './chunks.ts';
import { clipLine, clipRing } from './clip.ts';
import type { ShapeRecord } from './records.ts';
import type { TileCoord } from './tile-coord.ts';
import { ringArea2, type TileParts } from './tile-parts.ts';

// Into one tile: world coordinates → tile units (0 … extent across the tile), keeping
// the vertices a zoom's tolerance needs (simplify.ts), cut to the buffered box (clip.ts)
// and rounded to integers, with repeated vertices dropped.

export interface TileFrame {
  tile: TileCoord;
  extent: number;
  /** Tile units kept around the tile, on every side. */
  buffer: number;
  /** Squared world tolerance of this zoom: vertices less important are dropped. */
  sqTolerance: number;
}

/** World → tile units (not rounded). */
export function toTileUnits(frame: TileFrame, x: number, y: number): [number, number] {
  const scale = 2 ** frame.tile.z * frame.extent;
  return [x * scale - frame.tile.x * frame.extent, y * scale - frame.tile.y * frame.extent];
}

const NONE = -1;
const LEFT = 1;
const RIGHT = 2;
const ABOVE = 4;
const BELOW = 8;

/** Cohen–Sutherland region code of a point against the box [min, max]². */
function outcode(x: number, y: number, min: number, max: number): number {
  return (x < min ? LEFT : x > max ? RIGHT : 0) | (y < min ? ABOVE : y > max ? BELOW : 0);
}

/** Push the vertices of flat to out as a new part's, rounded, repeats dropped. */
function pushRounded(flat: number[], out: TileParts): void {
  let px = NaN;
  let py = NaN;
  for (let i = 0; i < flat.length; i += 2) {
    const x = Math.round(flat[i]!);
    const y = Math.round(flat[i + 1]!);
    if (x === px && y === py) continue;
    out.push(x, y);
    px = x;
    py = y;
  }
}

/** A closed integer ring (coords[start … end)) needs 3 distinct corners (4 positions) and some area. */
function isDrawableRing(coords: readonly number[], start: number, end: number): boolean {
  return end - start >= 8 && ringArea2(coords, start, end) !== 0;
}

/**
 * Keep the vertices pushed since the last part as a part if they draw something: a line
 * of 2 vertices, a ring with some area. Returns whether it was kept.
 */
function keepPart(out: TileParts, kind: ShapeRecord['kind'], isOuter: boolean): boolean {
  const start = out.start(out.count);
  const drawn =
    kind === 'line' ? out.size - start >= 4 : isDrawableRing(out.coords, start, out.size);
  if (drawn) out.endPart(kind !== 'line' && isOuter);
  else out.dropPart();
  return drawn;
}

/** Push to out the vertices of ring r that the zoom keeps, rounded, repeats dropped (no clipping). */
function pushKeptRounded(record: ShapeRecord, r: number, frame: TileFrame, out: TileParts): void {
  const { coords, importance, ringStarts } = record;
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  let px = NaN;
  let py = NaN;
  for (let v = ringStarts[r]!, end = ringStarts[r + 1]!; v < end; v++) {
    if (!(importance[v]! > frame.sqTolerance)) continue;
    const x = Math.round(coords[2 * v]! * scale - ox);
    const y = Math.round(coords[2 * v + 1]! * scale - oy);
    if (x === px && y === py) continue;
    out.push(x, y);
    px = x;
    py = y;
  }
}

/** Whether the record's box lies inside the buffered tile: nothing to clip. */
function insideBuffer(record: ShapeRecord, frame: TileFrame): boolean {
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  const [minX, minY, maxX, maxY] = record.box;
  const [min, max] = [-frame.buffer, frame.extent + frame.buffer];
  return (
    minX * scale - ox >= min &&
    maxX * scale - ox <= max &&
    minY * scale - oy >= min &&
    maxY * scale - oy <= max
  );
}

/** segmentInside: what became of a two-vertex line. */
export const SEGMENT = { drawn: 0, empty: 1, needsClipping: 2 } as const;

/**
 * The fast path of shapeInTile for a two-vertex line (every violation line) that lies
 * wholly inside the buffered tile: its rounded ends go to out as x0, y0, x1, y1, with no
 * arrays made. Both ends are always kept (simplify.ts), so the result is the one
 * shapeInTile gives; `empty` when the ends round to one point, `needsClipping` when the
 * line is not a two-vertex line inside the buffered tile (then ask shapeInTile).
 */
export function segmentInside(record: ShapeRecord, frame: TileFrame, out: Int32Array): number {
  const { coords } = record;
  if (record.kind !== 'line' || coords.length !== 4) return SEGMENT.needsClipping;
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  const min = -frame.buffer;
  const max = frame.extent + frame.buffer;
  const x0 = coords[0]! * scale - ox;
  const y0 = coords[1]! * scale - oy;
  const x1 = coords[2]! * scale - ox;
  const y1 = coords[3]! * scale - oy;
  if (outcode(x0, y0, min, max) !== 0 || outcode(x1, y1, min, max) !== 0) {
    return SEGMENT.needsClipping;
  }
  out[0] = Math.round(x0);
  out[1] = Math.round(y0);
  out[2] = Math.round(x1);
  out[3] = Math.round(y1);
  return out[0] === out[2] && out[1] === out[3] ? SEGMENT.empty : SEGMENT.drawn;
}

/** shapeInTile for a record wholly inside the buffered tile: simplify and round only. */
function shapeInside(record: ShapeRecord, frame: TileFrame, out: TileParts): void {
  let droppedOuter = false;
  for (let r = 0; r + 1 < record.ringStarts.length; r++) {
    const isOuter = record.outer[r] === 1;
    if (record.kind === 'polygon' && !isOuter && droppedOuter) continue; // its hole
    pushKeptRounded(record, r, frame, out);
    const kept = keepPart(out, record.kind, isOuter);
    if (isOuter) droppedOuter = !kept;
  }
}

/**
 * Push to flat, in tile units (not rounded), the vertices of ring r that clipping needs:
 * those the zoom keeps, and those on a source edge whose region code changes (so cuts
 * fall on source edges, never on simplified ones). Runs of a chunked ring (chunks.ts)
 * wholly beyond one side give only their two ends; runs wholly inside need no codes.
 */
function pushForClipping(
  record: ShapeRecord,
  r: number,
  firstChunk: number,
  frame: TileFrame,
  flat: number[],
): void {
  const { coords, importance, ringStarts, chunkBoxes } = record;
  const first = ringStarts[r]!;
  const end = ringStarts[r + 1]!;
  const min = -frame.buffer;
  const max = frame.extent + frame.buffer;
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  const tolerance = frame.sqTolerance;
  let c = firstChunk * 4;
  for (let a = first, b = first; a < end; a = b, c += 4) {
    b = chunkBoxes ? Math.min(a + CHUNK_VERTICES, end) : end;
    let inside = false;
    if (chunkBoxes) {
      const x0 = chunkBoxes[c]! * scale - ox;
      const y0 = chunkBoxes[c + 1]! * scale - oy;
      const x1 = chunkBoxes[c + 2]! * scale - ox;
      const y1 = chunkBoxes[c + 3]! * scale - oy;
      if (x1 < min || x0 > max || y1 < min || y0 > max) {
        flat.push(coords[2 * a]! * scale - ox, coords[2 * a + 1]! * scale - oy);
        const z = b - 1;
        if (z > a) flat.push(coords[2 * z]! * scale - ox, coords[2 * z + 1]! * scale - oy);
        continue;
      }
      inside = x0 >= min && x1 <= max && y0 >= min && y1 <= max;
    }
    if (inside) {
      // Every vertex of the run and the next run's first are inside: only the edge into
      // the run may cross.
      for (let v = a; v < b; v++) {
        let keep = importance[v]! > tolerance;
        if (!keep && v === a && a > first) {
          const px = coords[2 * a - 2]! * scale - ox;
          const py = coords[2 * a - 1]! * scale - oy;
          keep = outcode(px, py, min, max) !== 0;
        }
        if (keep) flat.push(coords[2 * v]! * scale - ox, coords[2 * v + 1]! * scale - oy);
      }
      continue;
    }
    let previous =
      a > first
        ? outcode(coords[2 * a - 2]! * scale - ox, coords[2 * a - 1]! * scale - oy, min, max)
        : NONE;
    let x = coords[2 * a]! * scale - ox;
    let y = coords[2 * a + 1]! * scale - oy;
    let code = outcode(x, y, min, max);
    for (let v = a; v < b; v++) {
      let next = NONE;
      let nx = 0;
      let ny = 0;
      if (v + 1 < end) {
        nx = coords[2 * v + 2]! * scale - ox;
        ny = coords[2 * v + 3]! * scale - oy;
        next = outcode(nx, ny, min, max);
      }
      const crossing = (previous !== NONE && previous !== code) || (next !== NONE && next !== code);
      if (importance[v]! > tolerance || crossing) flat.push(x, y);
      previous = code;
      code = next;
      x = nx;
      y = ny;
    }
  }
}

/**
 * Fill out (cleared first) with the parts of a line or the rings of a polygon inside the
 * buffered tile; none when nothing is left.
 */
export function shapeInTile(record: ShapeRecord, frame: TileFrame, out: TileParts): void {
  out.clear();
  if (insideBuffer(record, frame)) return shapeInside(record, frame, out);
  const { ringStarts, outer } = record;
  const min = -frame.buffer;
  const max = frame.extent + frame.buffer;
  let droppedOuter = false;
  let chunk = 0;
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const firstChunk = chunk;
    chunk += chunkCount(ringStarts[r + 1]! - ringStarts[r]!);
    const isOuter = outer[r] === 1;
    if (record.kind === 'polygon' && !isOuter && droppedOuter) continue; // its hole
    const flat: number[] = [];
    pushForClipping(record, r, firstChunk, frame, flat);
    if (record.kind === 'line') {
      for (const part of clipLine(flat, min, max)) {
        pushRounded(part, out);
        keepPart(out, 'line', false);
      }
      continue;
    }
    const clipped = clipRing(flat, min, max);
    if (clipped) pushRounded(clipped, out);
    const kept = keepPart(out, record.kind, isOuter);
    if (isOuter) droppedOuter = !kept;
  }
}
