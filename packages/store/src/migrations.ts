// The schema, as an append-only list of migrations. Never edit a released migration:
// add a new one. migrate.ts applies each pending one in its own transaction and records
// it in schema_migrations.

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
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
