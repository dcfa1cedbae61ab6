import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import {
  ChangeFeed,
  DISCARD_CHANGES,
  PendingChanges,
  type AuditRunListener,
  type ChangeListener,
  type ChangeOptions,
  type ChangeSink,
} from './changes.ts';
import { ImportStaging } from './staging.ts';
import { commitStaging, type StagingCommit, type StagingCommitted } from './staging-commit.ts';
import { selectImportJob, selectImportJobs, upsertImportJob } from './import-jobs.ts';
import { deleteImportJobs, type StoredImportJob } from './import-jobs.ts';
import { readSchemaVersion } from './migrate.ts';
import { deleteIds, layerStats, selectFieldPage, selectOne, selectPage } from './read.ts';
import type { FieldPage, LayerPage, LayerQuery, LayerStats } from './read.ts';
import type { LayerField } from './layer-fields.ts';
import { assertBatchSize, streamLayer, type ScanOrder } from './scan.ts';
import type { RootSession, Session } from './sessions.ts';
import { upsertFeatures } from './upsert.ts';
import { readMeta, writeMeta } from './meta.ts';
import { copyLayersToParquet, type ParquetFile } from './export-parquet.ts';
import {
  selectByIds,
  selectIdsByKey,
  selectIdsFromSource,
  selectNearByName,
  type NameNear,
  type NameNearMatch,
} from './lookup.ts';
import { insertAuditRun, selectAuditRun, selectAuditRuns } from './audit-runs.ts';
import { selectFindingRows, selectFindings } from './findings-page.ts';
import type { FindingPage, FindingQuery, FindingRowPage } from './findings-page.ts';
import { selectRunDiff } from './audit-runs.ts';
import { selectFindingSummary } from './finding-summary.ts';
import type { FindingSummary, FindingSummaryQuery } from './finding-summary.ts';
import type { AuditRun, FindingRecord } from './audit-runs.ts';
import type { FindingToSave, NewAuditRun, RunDiff } from './audit-runs.ts';
import { selectProfile, selectProfiles, upsertProfile } from './rule-profiles.ts';
import type { StoredProfile } from './rule-profiles.ts';
import { countWalkableRoads } from './walkable-roads.ts';
import { refreshStoreSearch } from './store-search-keys.ts';
import { searchStoreRows, type StoreSearchHit, type StoreSearchQuery } from './store-search.ts';
import { selectStoreColumns } from './audit-columns.ts';
import type { StoreColumnRows, StoreColumnsQuery } from './audit-columns.ts';

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
    private readonly changes: ChangeSink = new ChangeFeed(),
  ) {}

  schemaVersion(): Promise<number> {
    return this.session.read(readSchemaVersion);
  }

  /** Insert or replace features by id, all or nothing. Returns how many distinct ids. */
  async upsert<L extends LayerName>(
    layer: L,
    features: readonly LayerFeature<L>[],
  ): Promise<number> {
    const bboxes: Bbox[] = [];
    const count = await this.session.write((c) => upsertFeatures(c, layer, features, bboxes));
    if (count > 0) this.changes.record({ layer, upserted: [...features], removed: [], bboxes });
    return count;
  }

  /** Delete features by id; returns how many existed. */
  async remove(layer: LayerName, ids: readonly string[]): Promise<number> {
    const deleted: { id: string; bbox: Bbox }[] = [];
    const count = await this.session.write(async (c) => {
      const n = await deleteIds(c, layer, ids, deleted);
      await refreshStoreSearch(c, layer, 'SELECT unnest($1::VARCHAR[])', ids);
      return n;
    });
    if (count > 0) {
      const [removed, bboxes] = [deleted.map((d) => d.id), deleted.map((d) => d.bbox)];
      this.changes.record({ layer, upserted: [], removed, bboxes });
    }
    return count;
  }

  /**
   * Listen to every committed write (see changes.ts): the layers, extents and features it
   * changed. Returns a function that stops listening. Only on the store from openStore().
   */
  onChange(listener: ChangeListener, options?: ChangeOptions): () => void {
    return this.feed('onChange').subscribe(listener, options);
  }

  private feed(what: string): ChangeFeed {
    if (!(this.changes instanceof ChangeFeed) || !this.root) {
      throw new Error(`${what}() is for the store from openStore(), not a tx store`);
    }
    return this.changes;
  }

  /**
   * Stage an import (see staging.ts): fn appends the file's rows to a staging table of
   * their own and asks it about earlier rows; the table is dropped when fn ends. With
   * `exclusive`, fn holds the write lock throughout (other writers queue; reads go on) and
   * is handed `commit`, which moves the staging into the layer in one short transaction
   * and tells the change feed (summary listeners once, the others in feature chunks).
   */
  async stageImport<L extends LayerName, T>(
    layer: L,
    options: { exclusive: boolean },
    fn: (
      staging: ImportStaging<L>,
      commit: ((how: StagingCommit) => Promise<StagingCommitted>) | null,
    ) => Promise<T>,
  ): Promise<T> {
    const feed = this.feed('stageImport');
    const root = this.root!;
    const work = async (c: DuckDBConnection) => {
      const staging = new ImportStaging(layer, c);
      await staging.create();
      try {
        const commit = options.exclusive
          ? (how: StagingCommit) => commitStaging(staging, how, feed)
          : null;
        return await fn(staging, commit);
      } finally {
        await staging.drop();
      }
    };
    return options.exclusive ? root.exclusive(work) : root.dedicated(work);
  }

  /** Create or replace an import job (the API's record of an upload). */
  saveImportJob(job: StoredImportJob): Promise<void> {
    return this.session.write((c) => upsertImportJob(c, job));
  }

  getImportJob(id: string): Promise<StoredImportJob | null> {
    return this.session.read((c) => selectImportJob(c, id));
  }

  /** The newest `limit` import jobs, newest first. */
  listImportJobs(limit: number): Promise<StoredImportJob[]> {
    return this.session.read((c) => selectImportJobs(c, limit));
  }

  deleteImportJobs(ids: readonly string[]): Promise<void> {
    return this.session.write((c) => deleteImportJobs(c, ids));
  }

  get<L extends LayerName>(layer: L, id: string): Promise<LayerFeature<L> | null> {
    return this.session.read((c) => selectOne(c, layer, id));
  }

  /** One page in id order (or q.sort); bbox keeps features whose bbox meets it (edges count). */
  query<L extends LayerName>(layer: L, q: LayerQuery): Promise<LayerPage<L>> {
    return this.session.read((c) => selectPage(c, layer, q));
  }

  /** As query, each feature reduced to `fields` and one point (see layer-fields.ts). */
  queryFields<L extends LayerName, F extends LayerField<L>>(
    layer: L,
    fields: readonly F[],
    q: LayerQuery,
  ): Promise<FieldPage<L, F>> {
    return this.session.read((c) => selectFieldPage(c, layer, fields, q));
  }

  /**
   * Every feature of a layer, in id order (or, with order 'stored', in the table's own
   * order: no sort, whose memory DuckDB keeps), in batches of batchSize (the last may be
   * smaller). The store streams one query; a tx store pages in id order, so that fn may
   * write between batches on its one connection.
   */
  async *scan<L extends LayerName>(
    layer: L,
    batchSize = SCAN_BATCH_SIZE_DEFAULT,
    { order = 'id' }: { order?: ScanOrder } = {},
  ): AsyncIterable<LayerFeature<L>[]> {
    assertBatchSize(batchSize);
    if (this.root) {
      yield* this.root.stream((c) => streamLayer(c, layer, batchSize, order));
      return;
    }
    let cursor: string | null = null;
    do {
      const page: LayerPage<L> = await this.query(layer, { limit: batchSize, cursor });
      if (page.features.length > 0) yield page.features;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** The stored features among `ids` (in no particular order; missing ids are skipped). */
  getMany<L extends LayerName>(layer: L, ids: readonly string[]): Promise<LayerFeature<L>[]> {
    return this.session.read((c) => selectByIds(c, layer, ids));
  }

  /** key value → stored id for features whose text property `field` is one of `values`. */
  idsByKey(
    layer: LayerName,
    field: string,
    values: readonly string[],
  ): Promise<Map<string, string>> {
    return this.session.read((c) => selectIdsByKey(c, layer, field, values));
  }

  /** Stored features named like each point whose bbox centre is within [dLng, dLat]°. */
  nearByName(
    layer: LayerName,
    points: readonly NameNear[],
    toleranceDeg: readonly [number, number],
  ): Promise<NameNearMatch[]> {
    return this.session.read((c) => selectNearByName(c, layer, points, toleranceDeg));
  }

  /** Ids of the features whose provenance source is `source`, in id order. */
  idsFromSource(layer: LayerName, source: string): Promise<string[]> {
    return this.session.read((c) => selectIdsFromSource(c, layer, source));
  }

  /** Write every layer to <dir>/<layer>.parquet (GeoParquet metadata; dir must exist). */
  exportParquet(dir: string): Promise<ParquetFile[]> {
    return this.session.read((c) => copyLayersToParquet(c, dir));
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

  /** Save an audit run with all its findings in one transaction (never half a run). */
  async saveAuditRun<F extends FindingRecord>(
    run: NewAuditRun,
    findings: readonly FindingToSave<F>[],
  ): Promise<AuditRun> {
    const saved = await this.session.write((c) => insertAuditRun(c, run, findings));
    this.changes.recordRun(saved);
    return saved;
  }

  /**
   * Listen to every saved audit run, told once it has committed (as onChange). Returns a
   * function that stops listening. Only on the store from openStore().
   */
  onAuditRun(listener: AuditRunListener): () => void {
    return this.feed('onAuditRun').subscribeRuns(listener);
  }

  /** Every audit run, newest first. */
  listAuditRuns(): Promise<AuditRun[]> {
    return this.session.read(selectAuditRuns);
  }

  getAuditRun(id: number): Promise<AuditRun | null> {
    return this.session.read((c) => selectAuditRun(c, id));
  }

  /** One page of a run's findings in id order, filtered (finding-filter.ts). */
  queryFindings<F = FindingRecord>(runId: number, q: FindingQuery): Promise<FindingPage<F>> {
    return this.session.read((c) => selectFindings<F>(c, runId, q));
  }

  /** As queryFindings, each finding with the township code saved with it. */
  queryFindingRows<F = FindingRecord>(runId: number, q: FindingQuery): Promise<FindingRowPage<F>> {
    return this.session.read((c) => selectFindingRows<F>(c, runId, q));
  }

  /** A run's findings counted per status, school type, category, township and school. */
  findingSummary(runId: number, q: FindingSummaryQuery): Promise<FindingSummary> {
    return this.session.read((c) => selectFindingSummary(c, runId, q));
  }

  /** Run b against run a by finding id: new, resolved and changed findings. */
  diffRuns<F = FindingRecord>(a: number, b: number): Promise<RunDiff<F>> {
    return this.session.read((c) => selectRunDiff<F>(c, a, b));
  }

  /** Create or replace a user rule profile (validated by the caller). */
  saveProfile(profile: StoredProfile): Promise<void> {
    return this.session.write((c) => upsertProfile(c, profile));
  }

  listProfiles(): Promise<StoredProfile[]> {
    return this.session.read(selectProfiles);
  }

  getProfile(id: string): Promise<StoredProfile | null> {
    return this.session.read((c) => selectProfile(c, id));
  }

  /** Stores as typed columns for the audit (see audit-columns.ts), in id order. */
  auditStoreColumns(q: StoreColumnsQuery): Promise<StoreColumnRows> {
    return this.session.read((c) => selectStoreColumns(c, q));
  }

  /** Stores by folded name, address or area, best `limit` first (see store-search.ts). */
  searchStores(q: StoreSearchQuery): Promise<StoreSearchHit[]> {
    return this.session.read((c) => searchStoreRows(c, q));
  }

  /** How many roads are walkable (walking distances need at least one). */
  walkableRoadCount(): Promise<number> {
    return this.session.read(countWalkableRoads);
  }

  /** Run fn in one transaction: commit when it resolves, roll back when it throws. */
  async transaction<T>(fn: (tx: AtlasStore) => Promise<T>): Promise<T> {
    // A nested transaction joins the outer one, and so do its changes.
    const feed = this.changes instanceof ChangeFeed ? this.changes : null;
    const pending = !feed
      ? this.changes
      : feed.hasListeners
        ? new PendingChanges()
        : DISCARD_CHANGES;
    const result = await this.session.transaction((tx) =>
      fn(new AtlasStore(this.path, tx, null, pending)),
    );
    if (feed && pending instanceof PendingChanges) {
      feed.emit(pending.changes);
      feed.emitRuns(pending.runs);
    }
    return result;
  }

  /** Wait for running work, then close the database. */
  async close(): Promise<void> {
    if (!this.root) throw new Error('close() is for the store from openStore(), not a tx store');
    await this.root.close();
  }
}
