// @atlas/store — the only package that talks to DuckDB: one table per atlas layer.

// Open or create a database file, refusing what is not a whole DuckDB file; migrate it.
export { openStore, type OpenOptions } from './open.ts';
// The store: upsert, remove, get, bbox query with keyset paging, scan, stats, transactions.
export { AtlasStore, SCAN_BATCH_SIZE_DEFAULT } from './store.ts';
// Query and result shapes.
export type { LayerQuery, LayerPage, LayerStats } from './read.ts';
// Errors callers may map: unopenable file, and a cursor the store never handed out.
export { StoreOpenError, InvalidCursorError } from './errors.ts';
// Load a directory of <layer>.geojson files, validated, in one transaction.
export { seedFromDirectory, SeedError, type SeedProblem } from './seed.ts';
// The schema version this code migrates to.
export { LATEST_SCHEMA_VERSION } from './migrations.ts';
