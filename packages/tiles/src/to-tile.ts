import { clipLine, clipRing } from './clip.ts';
import type { ShapeRecord } from './records.ts';
import type { TileCoord } from './tile-coord.ts';

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

function roundDeduped(flat: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const x = Math.round(flat[i]!);
    const y = Math.round(flat[i + 1]!);
    const n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) continue;
    out.push(x, y);
  }
  return out;
}

/** A closed integer ring needs 3 distinct corners (4 positions) and some area. */
function isDrawableRing(ring: number[]): boolean {
  if (ring.length < 8) return false;
  let area2 = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    area2 += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  }
  return area2 !== 0;
}

/** The vertices of ring r that the zoom keeps, rounded, repeats dropped (no clipping). */
function keptRounded(record: ShapeRecord, r: number, frame: TileFrame): number[] {
  const { coords, importance, ringStarts } = record;
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  const out: number[] = [];
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
  return out;
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

/** shapeInTile for a record wholly inside the buffered tile: simplify and round only. */
function shapeInside(
  record: ShapeRecord,
  frame: TileFrame,
): { parts: number[][]; outer: boolean[] } {
  const parts: number[][] = [];
  const outerOut: boolean[] = [];
  let droppedOuter = false;
  for (let r = 0; r + 1 < record.ringStarts.length; r++) {
    const isOuter = record.outer[r] === 1;
    if (record.kind === 'polygon' && !isOuter && droppedOuter) continue; // its hole
    const ring = keptRounded(record, r, frame);
    if (record.kind === 'line') {
      if (ring.length >= 4) {
        parts.push(ring);
        outerOut.push(false);
      }
    } else if (isDrawableRing(ring)) {
      parts.push(ring);
      outerOut.push(isOuter);
      if (isOuter) droppedOuter = false;
    } else if (isOuter) {
      droppedOuter = true;
    }
  }
  return { parts, outer: outerOut };
}

/** The parts of a line or the rings of a polygon inside the buffered tile; [] if none. */
export function shapeInTile(
  record: ShapeRecord,
  frame: TileFrame,
): { parts: number[][]; outer: boolean[] } {
  if (insideBuffer(record, frame)) return shapeInside(record, frame);
  const { coords, importance, ringStarts, outer } = record;
  const min = -frame.buffer;
  const max = frame.extent + frame.buffer;
  const scale = 2 ** frame.tile.z * frame.extent;
  const ox = frame.tile.x * frame.extent;
  const oy = frame.tile.y * frame.extent;
  const parts: number[][] = [];
  const outerOut: boolean[] = [];
  let droppedOuter = false;
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const isOuter = outer[r] === 1;
    if (record.kind === 'polygon' && !isOuter && droppedOuter) continue; // its hole
    const flat: number[] = [];
    const [first, end] = [ringStarts[r]!, ringStarts[r + 1]!];
    const at = (v: number, axis: 0 | 1) => coords[2 * v + axis]! * scale - (axis ? oy : ox);
    let previous = NONE;
    let code = outcode(at(first, 0), at(first, 1), min, max);
    for (let v = first; v < end; v++) {
      const next = v + 1 < end ? outcode(at(v + 1, 0), at(v + 1, 1), min, max) : NONE;
      // Keep a vertex the zoom needs, or one on an edge that crosses a side of the box:
      // clipping then cuts source edges, never simplified ones, so cut points stay on
      // the source geometry.
      const crossing = (previous !== NONE && previous !== code) || (next !== NONE && next !== code);
      if (importance[v]! > frame.sqTolerance || crossing) flat.push(at(v, 0), at(v, 1));
      previous = code;
      code = next;
    }
    if (record.kind === 'line') {
      for (const part of clipLine(flat, min, max)) {
        const rounded = roundDeduped(part);
        if (rounded.length >= 4) {
          parts.push(rounded);
          outerOut.push(false);
        }
      }
      continue;
    }
    const clipped = clipRing(flat, min, max);
    const rounded = clipped ? roundDeduped(clipped) : null;
    if (rounded && isDrawableRing(rounded)) {
      parts.push(rounded);
      outerOut.push(isOuter);
      if (isOuter) droppedOuter = false;
    } else if (isOuter) {
      droppedOuter = true;
    }
  }
  return { parts, outer: outerOut };
}
