import Flatbush from 'flatbush';
import type { WorldBox } from './mercator.ts';
import { MAX_ZOOM, tileKey, tilesCovering, tileWorldBox, type TileCoord } from './tile-coord.ts';

// An LRU of encoded tiles by z/x/y, bounded in bytes, invalidated by area: a change
// evicts exactly the cached tiles whose buffered box meets one of its extents, at every
// zoom, and no other.
//
// A few extents: enumerate the tiles each covers per zoom and evict those cached.
// Many extents (an import): index them in a Flatbush and test each cached tile once.

export interface CachedTile {
  tile: TileCoord;
  /** MVT bytes; null for an empty tile. */
  body: Uint8Array<ArrayBuffer> | null;
  /** Strong validator of body (quoted, as sent). */
  etag: string;
  /** body gzipped, made on first request for it. */
  gzip?: Uint8Array<ArrayBuffer>;
}

/** Beyond this many changed extents, test cached tiles against an index of them. */
const ENUMERATE_MAX_EXTENTS = 64;
/** Bookkeeping bytes counted per entry besides its bodies. */
const ENTRY_OVERHEAD_BYTES = 200;

function entryBytes(e: CachedTile): number {
  return ENTRY_OVERHEAD_BYTES + (e.body?.byteLength ?? 0) + (e.gzip?.byteLength ?? 0);
}

export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    /** Buffer around a tile that a change must miss, as a fraction of the tile. */
    private readonly bufferFraction: number,
  ) {
    if (!(maxBytes > 0)) throw new RangeError(`maxBytes ${maxBytes}: expected a positive number`);
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  has(tile: TileCoord): boolean {
    return this.entries.has(tileKey(tile));
  }

  /** The cached tile, now the most recently used; undefined when not cached. */
  get(tile: TileCoord): CachedTile | undefined {
    const key = tileKey(tile);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(entry: CachedTile): void {
    const key = tileKey(entry.tile);
    this.evictKey(key);
    this.entries.set(key, entry);
    this.bytes += entryBytes(entry);
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.evictKey(oldest);
    }
  }

  /** Count bytes added to an entry already cached (its gzip). */
  grew(entry: CachedTile, addedBytes: number): void {
    if (this.entries.get(tileKey(entry.tile)) === entry) this.bytes += addedBytes;
  }

  /**
   * Evict every cached tile whose buffered box meets one of the world boxes; returns how
   * many. fromZooms: per box (or for all), the lowest zoom whose tiles it can touch (a
   * perimeter ring is drawn from z13 only, so it leaves lower tiles alone).
   */
  invalidate(boxes: readonly WorldBox[], fromZooms: number | readonly number[] = 0): number {
    if (boxes.length === 0 || this.entries.size === 0) return 0;
    const fromZoom = (i: number) =>
      typeof fromZooms === 'number' ? fromZooms : (fromZooms[i] ?? 0);
    const before = this.entries.size;
    if (boxes.length <= ENUMERATE_MAX_EXTENTS) {
      boxes.forEach((box, i) => this.invalidateBox(box, fromZoom(i)));
    } else {
      const index = new Flatbush(boxes.length);
      for (const box of boxes) index.add(...box);
      index.finish();
      for (const [key, entry] of [...this.entries]) {
        const [minX, minY, maxX, maxY] = tileWorldBox(entry.tile, this.bufferFraction);
        const z = entry.tile.z;
        const met = index.search(minX, minY, maxX, maxY, (i) => fromZoom(i) <= z);
        if (met.length > 0) this.evictKey(key);
      }
    }
    return before - this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private invalidateBox(box: WorldBox, fromZoom: number): void {
    for (let z = Math.max(0, fromZoom); z <= MAX_ZOOM; z++) {
      const { x0, y0, x1, y1 } = tilesCovering(box, z, this.bufferFraction);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.entries.size) {
        for (const [key, { tile }] of [...this.entries]) {
          if (tile.z === z && tile.x >= x0 && tile.x <= x1 && tile.y >= y0 && tile.y <= y1) {
            this.evictKey(key);
          }
        }
        continue;
      }
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) this.evictKey(tileKey({ z, x, y }));
      }
    }
  }

  private evictKey(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entryBytes(entry);
  }
}
