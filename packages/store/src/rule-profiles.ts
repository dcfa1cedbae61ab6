import type { DuckDBConnection } from '@duckdb/node-api';

// Rule profiles created or edited through the API. The store keeps them as JSON and knows
// nothing of their shape: @atlas/rules validates before anything is saved.

export interface StoredProfile {
  id: string;
  profile: unknown;
  /** ISO 8601 time of the last save. */
  updatedAt: string;
}

export async function upsertProfile(c: DuckDBConnection, p: StoredProfile): Promise<void> {
  await c.run(
    'INSERT OR REPLACE INTO rule_profiles (id, profile, updated_at) VALUES ($1, $2::JSON, $3)',
    [p.id, JSON.stringify(p.profile), p.updatedAt],
  );
}

function profileFrom(row: Record<string, unknown>): StoredProfile {
  return {
    id: String(row.id),
    profile: JSON.parse(String(row.profile)) as unknown,
    updatedAt: String(row.updated_at),
  };
}

export async function selectProfiles(c: DuckDBConnection): Promise<StoredProfile[]> {
  const reader = await c.runAndReadAll(
    'SELECT id, profile, updated_at FROM rule_profiles ORDER BY id',
  );
  return reader.getRowObjectsJS().map(profileFrom);
}

export async function selectProfile(
  c: DuckDBConnection,
  id: string,
): Promise<StoredProfile | null> {
  const reader = await c.runAndReadAll(
    'SELECT id, profile, updated_at FROM rule_profiles WHERE id = $1',
    [id],
  );
  const row = reader.getRowObjectsJS()[0];
  return row ? profileFrom(row) : null;
}
