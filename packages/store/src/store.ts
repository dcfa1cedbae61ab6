import type { LayerFeature, LayerName } from '@atlas/model';
import { readSchemaVersion } from './migrate.ts';
import { deleteIds, layerStats, selectOne, selectPage } from './read.ts';
import type { LayerPage, LayerQuery, LayerStats } from './read.ts';
import { assertBatchSize, streamLayer } from './scan.ts';
import type { RootSession, Session } from './sessions.ts';
import { upsertFeatures } from './upsert.ts';
import { readMeta, writeMeta } from './meta.ts';

/** Features fetched per query while scanning a layer. */
export const SCAN_BATCH_SIZE_DEFAULT = 5_000;

/**
 * The atlas layers in one DuckDB database. Make one with openStore(); safe to share
 * between concurrent requests (see sessions.ts for how).
 */
export class AtlasStore {
  /** @internal use openStore(); `root` is set only on the store openStore returns. */
  constructor(
    readonly path: string,
    private readonly session: Session,
    private readonly root: RootSession | null,
  ) {}

  schemaVersion(): Promise<number> {
    return this.session.read(readSchemaVersion);
  }

  /** Insert or replace features by id, all or nothing. Returns how many distinct ids. */
  upsert<L extends LayerName>(layer: L, features: readonly LayerFeature<L>[]): Promise<number> {
    return this.session.write((c) => upsertFeatures(c, layer, features));
  }

  /** Delete features by id; returns how many existed. */
  remove(layer: LayerName, ids: readonly string[]): Promise<number> {
    return this.session.write((c) => deleteIds(c, layer, ids));
  }

  get<L extends LayerName>(layer: L, id: string): Promise<LayerFeature<L> | null> {
    return this.session.read((c) => selectOne(c, layer, id));
  }

  /** One page ordered by id; bbox keeps features whose bbox intersects it (edges count). */
  query<L extends LayerName>(layer: L, q: LayerQuery): Promise<LayerPage<L>> {
    return this.session.read((c) => selectPage(c, layer, q));
  }

  /**
   * Every feature of a layer, in id order, in batches of batchSize (the last may be
   * smaller). The store streams one query; a tx store pages, so that fn may write
   * between batches on its one connection.
   */
  async *scan<L extends LayerName>(
    layer: L,
    batchSize = SCAN_BATCH_SIZE_DEFAULT,
  ): AsyncIterable<LayerFeature<L>[]> {
    assertBatchSize(batchSize);
    if (this.root) {
      yield* this.root.stream((c) => streamLayer(c, layer, batchSize));
      return;
    }
    let cursor: string | null = null;
    do {
      const page: LayerPage<L> = await this.query(layer, { limit: batchSize, cursor });
      if (page.features.length > 0) yield page.features;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** Count and bounds (covering secondary geometries) of every layer, in LAYER_NAMES order. */
  stats(): Promise<LayerStats[]> {
    return this.session.read(layerStats);
  }

  /** A fact about the database (e.g. 'demo'), or null when unset. */
  getMeta(key: string): Promise<string | null> {
    return this.session.read((c) => readMeta(c, key));
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.session.write((c) => writeMeta(c, key, value));
  }

  /** Run fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: AtlasStore) => Promise<T>): Promise<T> {
    return this.session.transaction((tx) => fn(new AtlasStore(this.path, tx, null)));
  }

  /** Wait for running work, then close the database. */
  async close(): Promise<void> {
    if (!this.root) throw new Error('close() is for the store from openStore(), not a tx store');
    await this.root.close();
  }
}
