import type { WorldBox } from './mercator.ts';

// A tile address z/x/y (XYZ scheme, y down) and what it covers.

/** Highest zoom served: MVT addresses are valid up to here. */
export const MAX_ZOOM = 22;

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

export function isValidTile({ z, x, y }: TileCoord): boolean {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) return false;
  const n = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < n && y < n;
}

/** Throws at once, naming what was expected, unless the address is valid. */
export function assertTile(t: TileCoord): void {
  if (!isValidTile(t)) {
    throw new RangeError(
      `tile ${t.z}/${t.x}/${t.y}: expected integer z in 0–${MAX_ZOOM} and x, y in 0..2^z−1`,
    );
  }
}

export function tileKey({ z, x, y }: TileCoord): string {
  return `${z}/${x}/${y}`;
}

/** The world box of a tile, grown on every side by bufferFraction of its size. */
export function tileWorldBox({ z, x, y }: TileCoord, bufferFraction = 0): WorldBox {
  const size = 1 / 2 ** z;
  const pad = size * bufferFraction;
  return [x * size - pad, y * size - pad, (x + 1) * size + pad, (y + 1) * size + pad];
}

/** The range of tiles at zoom z whose box grown by bufferFraction meets the world box. */
export function tilesCovering(
  box: WorldBox,
  z: number,
  bufferFraction: number,
): { x0: number; y0: number; x1: number; y1: number } {
  // Tile x, grown, spans [x − pad, x + 1 + pad] in tile units; it meets [a, b] (edges
  // count, as in the selection) when a − 1 − pad ≤ x ≤ b + pad.
  const n = 2 ** z;
  const pad = bufferFraction;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
  return {
    x0: clamp(Math.ceil(box[0] * n - 1 - pad)),
    y0: clamp(Math.ceil(box[1] * n - 1 - pad)),
    x1: clamp(Math.floor(box[2] * n + pad)),
    y1: clamp(Math.floor(box[3] * n + pad)),
  };
}
