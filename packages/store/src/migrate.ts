import type { DuckDBConnection } from '@duckdb/node-api';
import { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations.ts';

// Brings a database up to LATEST_SCHEMA_VERSION, one transaction per migration, so a
// failed migration leaves the database at the last good version.

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
)`;

export class SchemaTooNewError extends Error {}
export class MigrationNeededError extends Error {}

async function hasMigrationsTable(c: DuckDBConnection): Promise<boolean> {
  const reader = await c.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()
       AND schema_name = 'main' AND table_name = 'schema_migrations'`,
  );
  return Number(reader.getRowsJS()[0]?.[0]) > 0;
}

/** The highest applied migration; 0 for a database this code never touched. */
export async function readSchemaVersion(c: DuckDBConnection): Promise<number> {
  if (!(await hasMigrationsTable(c))) return 0;
  const reader = await c.runAndReadAll('SELECT coalesce(max(version), 0) FROM schema_migrations');
  return Number(reader.getRowsJS()[0]?.[0]);
}

async function apply(c: DuckDBConnection, migration: Migration): Promise<void> {
  await c.run('BEGIN TRANSACTION');
  try {
    for (const sql of migration.statements) await c.run(sql);
    await c.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      migration.version,
      migration.name,
    ]);
    await c.run('COMMIT');
  } catch (error) {
    await c.run('ROLLBACK');
    throw new Error(`migration ${migration.version} (${migration.name}) failed`, {
      cause: error,
    });
  }
}

/** Apply every pending migration; returns the versions applied (empty when up to date). */
export async function migrate(c: DuckDBConnection, readOnly: boolean): Promise<number[]> {
  const current = await readSchemaVersion(c);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new SchemaTooNewError(
      `schema version ${current} is newer than this code knows (${LATEST_SCHEMA_VERSION}); upgrade the application`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current).sort(
    (a, b) => a.version - b.version,
  );
  if (pending.length === 0) return [];
  if (readOnly) {
    throw new MigrationNeededError(
      `schema version ${current} needs migrating to ${LATEST_SCHEMA_VERSION}; open it writable once`,
    );
  }
  await c.run(CREATE_MIGRATIONS_TABLE);
  for (const migration of pending) await apply(c, migration);
  return pending.map((m) => m.version);
}
