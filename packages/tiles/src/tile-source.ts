import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LAYER_NAMES } from '@atlas/model';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import type { StoreChange } from '@atlas/store';
import { bboxToWorld, latToY, lngToX } from './mercator.ts';
import { buildTile } from './tile.ts';
import { TILE_DEFAULTS, type TileOptions } from './tile-options.ts';
import { TileCache, type CachedTile } from './tile-cache.ts';
import { assertTile, type TileCoord } from './tile-coord.ts';
import { TileData } from './tile-data.ts';
import { DATA_MAX_ZOOM, tileJson, unionBounds, type TileJson } from './tilejson.ts';

// The tile source: loads every layer from the store once, follows the store's change
// events feature by feature, cuts tiles on demand and keeps them in an LRU that each
// change invalidates exactly where it touched. Behind a small interface so that any
// store-like source (or a test double) can feed it.

/** What the source needs of a store (AtlasStore has it). */
export interface TileStore {
  scan<L extends LayerName>(layer: L, batchSize?: number): AsyncIterable<LayerFeature<L>[]>;
  onChange(listener: (change: StoreChange) => void): () => void;
  stats(): Promise<{ layer: LayerName; bounds: Bbox | null }[]>;
}

export interface TileSourceOptions {
  /** Encoded tiles kept in memory, bytes (gzipped copies included). */
  cacheMaxBytes?: number;
  tile?: Partial<TileOptions>;
  /** zlib level for gzip responses (1 fastest … 9 smallest). */
  gzipLevel?: number;
}

export const CACHE_MAX_BYTES_DEFAULT = 128 * 1024 * 1024;
export const GZIP_LEVEL_DEFAULT = 4;
/** Hex digits of the body's SHA-1 used as its ETag. */
const ETAG_HEX_DIGITS = 24;
const EMPTY_ETAG = '"empty"';
/** Features per scanned batch: small batches die young instead of reaching the old heap. */
const LOAD_BATCH_SIZE = 512;

export class TileSource {
  /** Resolves once every layer is loaded; tiles wait for it. */
  readonly ready: Promise<void>;
  private readonly data: TileData;
  private readonly cache: TileCache;
  private readonly options: TileOptions;
  private readonly gzipLevel: number;
  private readonly unsubscribe: () => void;
  /** Changes that arrive while loading, applied after it (the scan may predate them). */
  private held: StoreChange[] | null = [];

  constructor(
    private readonly store: TileStore,
    opts: TileSourceOptions = {},
  ) {
    this.options = { ...TILE_DEFAULTS, ...opts.tile };
    this.data = new TileData(this.options);
    this.gzipLevel = opts.gzipLevel ?? GZIP_LEVEL_DEFAULT;
    const bufferFraction = this.options.bufferUnits / this.options.extent;
    this.cache = new TileCache(opts.cacheMaxBytes ?? CACHE_MAX_BYTES_DEFAULT, bufferFraction);
    // Listen before scanning: a commit during the load is then never missed.
    this.unsubscribe = store.onChange((change) => this.onChange(change));
    this.ready = this.load();
    this.ready.catch(() => undefined); // reported to whoever awaits a tile
  }

  /** One tile, from the cache or cut now. */
  async tile(tile: TileCoord): Promise<CachedTile> {
    assertTile(tile);
    await this.ready;
    const cached = this.cache.get(tile);
    if (cached) return cached;
    // pbf and zlib write into plain ArrayBuffers.
    const body = buildTile(this.data, tile) as Uint8Array<ArrayBuffer> | null;
    const entry: CachedTile = { tile, body, etag: body ? etagOf(body) : EMPTY_ETAG };
    this.cache.set(entry);
    return entry;
  }

  /** The gzipped body of a cached tile, compressed once. */
  gzipped(entry: CachedTile): Uint8Array<ArrayBuffer> {
    if (!entry.body) throw new Error('gzipped(): an empty tile has no body');
    if (!entry.gzip) {
      entry.gzip = new Uint8Array(gzipSync(entry.body, { level: this.gzipLevel }));
      this.cache.grew(entry, entry.gzip.byteLength);
    }
    return entry.gzip;
  }

  async tileJson(tilesUrl: string): Promise<TileJson> {
    const stats = await this.store.stats();
    return tileJson(tilesUrl, unionBounds(stats.map((s) => s.bounds)));
  }

  /** Features per tile layer and cache use, for logs and benchmarks. */
  stats() {
    return {
      features: this.data.sizesByLayer(),
      cachedTiles: this.cache.size,
      cachedBytes: this.cache.byteSize,
    };
  }

  /** Forget every cached tile (benchmarks measure a cold cache with it). */
  clearCache(): void {
    this.cache.clear();
  }

  /** Stop following the store. */
  close(): void {
    this.unsubscribe();
  }

  private async load(): Promise<void> {
    this.data.beginLoad();
    try {
      for (const layer of LAYER_NAMES) {
        for await (const batch of this.store.scan(layer, LOAD_BATCH_SIZE)) {
          for (const feature of batch) this.data.put(layer, feature);
        }
      }
    } finally {
      this.data.endLoad();
    }
    const held = this.held ?? [];
    this.held = null;
    for (const change of held) this.apply(change);
    await this.warmUp();
  }

  /**
   * Cut (and throw away) one tile per zoom over the middle of the data, so that the code
   * that cuts tiles is compiled before the first request rather than during it. The
   * cache stays empty: the first request for any tile still cuts it.
   */
  private async warmUp(): Promise<void> {
    const bounds = unionBounds((await this.store.stats()).map((s) => s.bounds));
    if (!bounds) return;
    const [x, y] = [lngToX((bounds[0] + bounds[2]) / 2), latToY((bounds[1] + bounds[3]) / 2)];
    for (let z = 0; z <= DATA_MAX_ZOOM; z++) {
      const n = 2 ** z;
      buildTile(this.data, { z, x: Math.floor(x * n), y: Math.floor(y * n) });
    }
  }

  private onChange(change: StoreChange): void {
    if (this.held) this.held.push(change);
    else this.apply(change);
  }

  private apply({ changes }: StoreChange): void {
    for (const { layer, upserted, removed, bboxes } of changes) {
      for (const id of removed) this.data.remove(layer, id);
      for (const feature of upserted) this.data.put(layer, feature);
      this.cache.invalidate(bboxes.map(bboxToWorld));
    }
  }
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, ETAG_HEX_DIGITS)}"`;
}

/** A tile source over the store, loading at once (await source.ready to know it is done). */
export function createTileSource(store: TileStore, opts?: TileSourceOptions): TileSource {
  return new TileSource(store, opts);
}
