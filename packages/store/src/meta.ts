import type { DuckDBConnection } from '@duckdb/node-api';

// Small key → value facts about the database itself (e.g. demo = 'true' when it holds the
// fictional demo district), so that the API can say so without guessing from the data.

export async function readMeta(c: DuckDBConnection, key: string): Promise<string | null> {
  const reader = await c.runAndReadAll('SELECT value FROM meta WHERE key = $1', [key]);
  const value = reader.getRowObjectsJS()[0]?.value;
  return typeof value === 'string' ? value : null;
}

export async function writeMeta(c: DuckDBConnection, key: string, value: string): Promise<void> {
  await c.run('INSERT OR REPLACE INTO meta (key, value) VALUES ($1, $2)', [key, value]);
}
