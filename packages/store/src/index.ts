// @atlas/store — the only package that talks to DuckDB: one table per atlas layer.

// Open or create a database file, refusing what is not a whole DuckDB file; migrate it.
export { openStore, type OpenOptions } from './open.ts';
// The store: upsert, remove, get, bbox query with keyset paging, scan, stats, transactions.
export { AtlasStore, SCAN_BATCH_SIZE_DEFAULT } from './store.ts';
export type { ScanOrder } from './scan.ts';
// Change notification: what each committed write changed (layers, extents, features), and
// each saved audit run.
export type { AuditRunListener, ChangeListener, LayerChange, StoreChange } from './changes.ts';
export { BULK_CHUNK_FEATURES, type ChangeOptions } from './changes.ts';
// A staged import: a file's rows on disk, checked in SQL, committed in one short transaction.
export { STAGING_PREFIX, ImportStaging } from './staging.ts';
export type { StagedAction, StagedRecord, StagedNear } from './staging.ts';
export type { StagedDuplicate, StagedDuplicates } from './staging.ts';
export type { StagingCommit, StagingCommitted } from './staging-commit.ts';
// Import jobs kept across restarts (the API's uploads between preview and commit).
export type { StoredImportJob } from './import-jobs.ts';
// Query and result shapes.
export type { FieldPage, LayerQuery, LayerPage, LayerStats } from './read.ts';
// Pages reduced to some properties and a point, and the orders a page can be read in.
export { layerFields, type FieldFeature, type LayerField } from './layer-fields.ts';
export { LAYER_SORTS, type LayerSort } from './layer-order.ts';
// Errors callers may map: unopenable file, and a cursor the store never handed out.
export { StoreOpenError, InvalidCursorError } from './errors.ts';
// Load a directory of <layer>.geojson files, validated, in one transaction.
export { seedFromDirectory, SeedError, type SeedProblem } from './seed.ts';
// The schema version this code migrates to.
export { LATEST_SCHEMA_VERSION } from './migrations.ts';
// Audit runs and findings (kept as JSON plus filter columns), diffs between runs.
export { DIFF_DISTANCE_TOLERANCE_M } from './audit-runs.ts';
export type {
  AuditRun,
  AuditRunCounts,
  FindingRecord,
  FindingToSave,
  NewAuditRun,
  RunDiff,
} from './audit-runs.ts';
// Which findings a page or a summary means (lists: any of), and a run's findings page by page.
export type { FindingFilter } from './finding-filter.ts';
export type { FindingPage, FindingQuery, FindingRowPage } from './findings-page.ts';
// A run's findings counted for the district view (status, school type, category, township).
export type {
  FindingSummary,
  FindingSummaryFilter,
  FindingSummaryQuery,
} from './finding-summary.ts';
// User rule profiles (created or edited through the API), stored as JSON.
export type { StoredProfile } from './rule-profiles.ts';
// Batch look-ups for importers: by ids, by a key property, by name near a position, by source.
export type { NameNear, NameNearMatch } from './lookup.ts';
// The whole database as Parquet files, one per layer.
export type { ParquetFile } from './export-parquet.ts';
// Stores as typed columns (id, position, category bits, uncertainty, subtype) for the audit.
export type { StoreColumnRows, StoreColumnsQuery } from './audit-columns.ts';
// Stores by name, address or area for search, scanned in DuckDB (the store_search table).
export type { MatchPoints, StoreSearchHit, StoreSearchQuery } from './store-search.ts';
export type { StoreSearchToken } from './store-search.ts';
