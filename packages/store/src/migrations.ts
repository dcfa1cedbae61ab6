// The schema, as an append-only list of migrations. Never edit a released migration:
// add a new one. migrate.ts applies each pending one in its own transaction and records
// it in schema_migrations.

import { CREATE_STORE_SEARCH_SQL, insertStoreSearchSql } from './store-search-keys.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** The columns every layer table starts with (as of version 1). */
function layerTableV1(table: string, propertyColumnsSql: readonly string[]): string {
  const columns = [
    // Unique by id, kept so by upsert.ts: a PRIMARY KEY's ART index made bulk
    // replacement 30-70× slower (see upsert.ts).
    'id VARCHAR NOT NULL',
    'geom GEOMETRY NOT NULL',
    // The bbox of geom and of any secondary geometry column, in degrees (WGS84).
    'xmin DOUBLE NOT NULL',
    'ymin DOUBLE NOT NULL',
    'xmax DOUBLE NOT NULL',
    'ymax DOUBLE NOT NULL',
    // Every property not kept as a column below, as JSON text (kept verbatim by DuckDB).
    'properties JSON NOT NULL',
    'source VARCHAR NOT NULL',
    // ISO 8601 text as given: a TIMESTAMPTZ would drop the original UTC offset.
    'imported_at VARCHAR NOT NULL',
    'original_crs VARCHAR NOT NULL',
    ...propertyColumnsSql,
  ];
  return `CREATE TABLE ${table} (\n  ${columns.join(',\n  ')}\n)`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'layer tables',
    statements: [
      layerTableV1('admin_areas', [
        'code VARCHAR NOT NULL',
        'level VARCHAR NOT NULL',
        'parent_code VARCHAR',
      ]),
      layerTableV1('water', ['kind VARCHAR NOT NULL', 'admin_code VARCHAR']),
      layerTableV1('roads', ['class VARCHAR NOT NULL']),
      layerTableV1('pipelines', ['kind VARCHAR NOT NULL']),
      layerTableV1('routes', ['school_codes VARCHAR[] NOT NULL']),
      layerTableV1('hazards', [
        'code VARCHAR NOT NULL',
        'type VARCHAR NOT NULL',
        'status VARCHAR NOT NULL',
        'admin_code VARCHAR',
        'threat_zone GEOMETRY',
      ]),
      layerTableV1('schools', [
        'code VARCHAR NOT NULL',
        'type VARCHAR NOT NULL',
        'admin_code VARCHAR NOT NULL',
        'campus GEOMETRY',
      ]),
      layerTableV1('stores', ['categories VARCHAR[] NOT NULL', 'admin_code VARCHAR']),
    ],
  },
  {
    version: 2,
    name: 'database facts',
    statements: ['CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)'],
  },
  {
    version: 3,
    name: 'audit runs, findings and user rule profiles',
    statements: [
      'CREATE SEQUENCE audit_run_ids START 1',
      `CREATE TABLE audit_runs (
  id INTEGER PRIMARY KEY DEFAULT nextval('audit_run_ids'),
  profile_id VARCHAR NOT NULL,
  -- the resolved profile the run applied, so a run can be explained after edits
  profile JSON NOT NULL,
  -- ISO 8601 text as given (keeps the offset)
  started_at VARCHAR NOT NULL,
  finished_at VARCHAR NOT NULL,
  filter JSON NOT NULL,
  -- findings by status and by category
  counts JSON NOT NULL,
  -- un-auditable schools, unevaluated rules, undecided targets, input sizes
  summary JSON NOT NULL
)`,
      // One row per finding of a run; the columns are what the API filters and diffs on.
      `CREATE TABLE findings (
  run_id INTEGER NOT NULL,
  id VARCHAR NOT NULL,
  school_id VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  -- 9-digit township code: the school's admin code cut to its first 9 digits
  township VARCHAR,
  target_kind VARCHAR NOT NULL,
  target_id VARCHAR NOT NULL,
  distance_m DOUBLE NOT NULL,
  -- rule ids with their statuses, strictest first: a change here is a changed finding
  rule_key VARCHAR NOT NULL,
  finding JSON NOT NULL
)`,
      `CREATE TABLE rule_profiles (
  id VARCHAR PRIMARY KEY,
  profile JSON NOT NULL,
  updated_at VARCHAR NOT NULL
)`,
    ],
  },
  {
    version: 4,
    name: 'import jobs',
    statements: [
      `CREATE TABLE import_jobs (
  id VARCHAR PRIMARY KEY,
  layer VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  -- ISO 8601 text as given
  created_at VARCHAR NOT NULL,
  updated_at VARCHAR NOT NULL,
  -- the temp directory holding the upload, NULL once removed
  dir VARCHAR,
  -- options, progress, preview and result reports, as the API shapes them
  details JSON NOT NULL
)`,
    ],
  },
  {
    version: 5,
    name: 'store search table',
    // Store names and addresses folded for search (store-search-keys.ts), filled from the
    // stores already there; every later write to stores keeps it in step.
    statements: [CREATE_STORE_SEARCH_SQL, insertStoreSearchSql('true')],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
