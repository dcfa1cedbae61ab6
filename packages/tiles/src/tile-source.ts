import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LAYER_NAMES } from '@atlas/model';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import type { AuditRun, StoreChange } from '@atlas/store';
import { ZONE_MIN_ZOOM } from './audit-records.ts';
import { bboxToWorld, latToY, lngToX, type WorldBox } from './mercator.ts';
import { buildTile } from './tile.ts';
import { TILE_DEFAULTS, type TileOptions } from './tile-options.ts';
import { TileCache, type CachedTile } from './tile-cache.ts';
import { assertTile, isValidTile, type TileCoord } from './tile-coord.ts';
import { TileData } from './tile-data.ts';
import { DATA_MAX_ZOOM, tileJson, unionBounds, type TileJson } from './tilejson.ts';
import { readViolations, ViolationLayer, type FindingSource } from './violation-layer.ts';
import { ZoneLayer } from './zone-layer.ts';

// The tile source: loads every layer from the store once, follows the store's change
// events feature by feature, cuts tiles on demand and keeps them in an LRU that each
// change invalidates exactly where it touched. The audit layers follow the latest saved
// audit run: its findings' lines are swapped in whole on each run (violation-layer.ts), its
// profile's perimeter rings computed for every school in the background, or when a tile
// needs them first (zone-layer.ts).
// Behind a small interface so that any store-like source (or a test double) can feed it.

/** What the source needs of a store (AtlasStore has it). */
export interface TileStore extends FindingSource {
  scan<L extends LayerName>(
    layer: L,
    batchSize?: number,
    opts?: { order?: 'id' | 'stored' },
  ): AsyncIterable<LayerFeature<L>[]>;
  onChange(listener: (change: StoreChange) => void): () => void;
  stats(): Promise<{ layer: LayerName; bounds: Bbox | null }[]>;
  onAuditRun(listener: (run: AuditRun) => void): () => void;
  /** Newest first: the first is the run the audit layers draw. */
  listAuditRuns(): Promise<AuditRun[]>;
}

export interface TileSourceOptions {
  /** Encoded tiles kept in memory, bytes (gzipped copies included). */
  cacheMaxBytes?: number;
  tile?: Partial<TileOptions>;
  /** zlib level for gzip responses (1 fastest … 9 smallest). */
  gzipLevel?: number;
}

export const CACHE_MAX_BYTES_DEFAULT = 128 * 1024 * 1024;
/**
 * Level 1: a cold gzip request compresses its tile while the client waits. On a 148 KB
 * z14 stores tile: 2.4 ms for 74.0 KB at level 1, 3.2 ms for 71.9 KB at level 4.
 */
export const GZIP_LEVEL_DEFAULT = 1;
/**
 * A 4 KB window (zlib's default is 32 KB): on the densest tiles (120–335 KB) gzip took 22 %
 * less time for 1 % more bytes; a tile's repeats (tags, geometry commands) lie close together.
 */
const GZIP_WINDOW_BITS = 12;
/** Hex digits of the body's SHA-1 used as its ETag. */
const ETAG_HEX_DIGITS = 24;
const EMPTY_ETAG = '"empty"';
/** Features per scanned batch: small batches die young instead of reaching the old heap. */
const LOAD_BATCH_SIZE = 512;
type ZoneProfile = Parameters<ZoneLayer['setProfile']>[0];

export class TileSource {
  /** Resolves once every layer is loaded; tiles wait for it. */
  readonly ready: Promise<void>;
  private readonly data: TileData;
  private readonly cache: TileCache;
  private readonly options: TileOptions;
  private readonly gzipLevel: number;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeRuns: () => void;
  /** Changes that arrive while loading, applied after it (the scan may predate them). */
  private held: StoreChange[] | null = [];
  private readonly bufferFraction: number;
  private readonly violations: ViolationLayer;
  private readonly zones: ZoneLayer;
  /** The run the audit layers draw (0: none yet). */
  private runId = 0;
  /** Loading the audit runs, one after another; tiles wait for it (it rejects on failure). */
  private auditWork: Promise<void>;
  private auditChain: Promise<void>;
  /** Computing the drawn run's perimeter rings in the background (see ringsReady). */
  private ringsWork: Promise<void> = Promise.resolve();
  /** True once loaded and the latest audit step has succeeded: cached() may answer. */
  private settled = false;

  constructor(
    private readonly store: TileStore,
    opts: TileSourceOptions = {},
  ) {
    this.options = { ...TILE_DEFAULTS, ...opts.tile };
    this.data = new TileData(this.options);
    this.gzipLevel = opts.gzipLevel ?? GZIP_LEVEL_DEFAULT;
    this.bufferFraction = this.options.bufferUnits / this.options.extent;
    this.cache = new TileCache(opts.cacheMaxBytes ?? CACHE_MAX_BYTES_DEFAULT, this.bufferFraction);
    this.zones = new ZoneLayer(this.data);
    this.violations = new ViolationLayer(this.data, (id) => this.zones.schoolType(id));
    // Listen before scanning: a commit during the load is then never missed.
    this.unsubscribe = store.onChange((change) => this.onChange(change));
    this.unsubscribeRuns = store.onAuditRun((run) => this.followRun(async () => run));
    this.ready = this.load();
    this.ready.catch(() => undefined); // reported to whoever awaits a tile
    this.auditChain = this.auditWork = this.ready;
    this.followRun(async () => (await this.store.listAuditRuns())[0] ?? null);
  }

  /** Resolves once the latest saved run is drawn (tiles wait for it too). */
  get auditReady(): Promise<void> {
    return this.auditWork;
  }

  /**
   * Resolves once the drawn run's perimeter rings are all computed (read it after
   * auditReady). Tiles never wait for it: until then a tile computes the rings it needs.
   */
  get ringsReady(): Promise<void> {
    return this.ringsWork;
  }

  /**
   * The cached tile, synchronously, or undefined (not cached, or the source still loading
   * or drawing a run: then ask tile()). A warm request costs one map lookup.
   */
  cached(tile: TileCoord): CachedTile | undefined {
    return this.settled && isValidTile(tile) ? this.cache.get(tile) : undefined;
  }

  /** One tile, from the cache or cut now. */
  async tile(tile: TileCoord): Promise<CachedTile> {
    assertTile(tile);
    await this.ready;
    await this.auditWork;
    return this.cache.get(tile) ?? this.cut(tile);
  }

  /** Cut a tile now (synchronously: no change can come between cutting and caching). */
  private cut(tile: TileCoord): CachedTile {
    // From z13 a tile needs the perimeter rings of the schools that reach into it.
    this.zones.ensure(tile, this.bufferFraction);
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
      const options = { level: this.gzipLevel, windowBits: GZIP_WINDOW_BITS };
      // A copy of exactly its bytes: zlib's output may be a view into a larger chunk.
      entry.gzip = new Uint8Array(gzipSync(entry.body, options));
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
      auditRun: this.runId,
      zoneSchoolsComputed: this.zones.computedSchools,
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
    this.unsubscribeRuns();
  }

  private async load(): Promise<void> {
    this.data.beginLoad();
    try {
      for (const layer of LAYER_NAMES) {
        // Any order will do (points are put in Z-order when the load ends): a table an
        // import left out of id order is then not sorted, a sort whose ≈ 600 MB DuckDB keeps.
        const batches = this.store.scan(layer, LOAD_BATCH_SIZE, { order: 'stored' });
        for await (const batch of batches) {
          for (const feature of batch) this.data.put(layer, feature);
          if (layer === 'schools')
            for (const school of batch as LayerFeature<'schools'>[]) this.zones.putSchool(school);
        }
      }
    } finally {
      this.data.endLoad();
    }
    const held = this.held ?? [];
    this.held = null;
    for (const change of held) this.apply(change);
    const bounds = unionBounds((await this.store.stats()).map((s) => s.bounds));
    if (bounds)
      this.warmUp(lngToX((bounds[0] + bounds[2]) / 2), latToY((bounds[1] + bounds[3]) / 2));
  }

  /**
   * Cut (and throw away) one tile per zoom over a world point, so that the code that cuts
   * tiles is compiled before the first request rather than during it: over the middle of
   * the data once loaded, and over a finding once a run's rings are computed (the audit
   * layers' code). The cache stays empty: the first request for any tile still cuts it.
   */
  private warmUp(x: number, y: number): void {
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
      if (layer !== 'schools') continue;
      // A school's rings reach beyond its own extent: evict where they were and will be.
      const zones: WorldBox[] = removed.flatMap((id) => this.zones.removeSchool(id));
      for (const school of upserted as readonly LayerFeature<'schools'>[])
        zones.push(...this.zones.putSchool(school));
      this.cache.invalidate(zones, ZONE_MIN_ZOOM);
      // Its lines carry its type: a new type (or none, once removed) redraws them.
      for (const id of [...removed, ...upserted.map((s) => s.id)]) {
        const touched = this.violations.retagSchool(id);
        this.cache.invalidate(touched.boxes, touched.fromZooms);
      }
    }
  }

  /**
   * Queue drawing a run (after the load and any run before it): read its findings, then
   * swap the violation lines and the zones' profile at once and evict what either touched.
   * An older run than the one drawn is skipped.
   */
  private followRun(which: () => Promise<AuditRun | null>): void {
    const step = this.auditChain.then(async () => {
      const run = await which();
      if (!run || run.id <= this.runId) return;
      const lines = await readViolations(this.store, run);
      if (run.id <= this.runId) return;
      this.runId = run.id;
      const touched = this.violations.replace(lines);
      this.cache.invalidate(touched.boxes, touched.fromZooms);
      this.cache.invalidate(this.zones.setProfile(run.profile as ZoneProfile), ZONE_MIN_ZOOM);
      this.ringsWork = this.zones.fill().then(() => {
        const at = this.violations.anyLineStart();
        if (at) this.warmUp(...at);
      });
    });
    this.auditWork = step;
    this.settled = false;
    step.then(
      () => {
        if (this.auditWork === step) this.settled = true;
      },
      () => undefined,
    );
    this.auditChain = step.catch(() => undefined); // the next run may still succeed
    step.catch(() => undefined); // reported to whoever awaits a tile
  }
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, ETAG_HEX_DIGITS)}"`;
}

/** A tile source over the store, loading at once (await source.ready to know it is done). */
export function createTileSource(store: TileStore, opts?: TileSourceOptions): TileSource {
  return new TileSource(store, opts);
}
