import type { DuckDBConnection } from '@duckdb/node-api';

// The walking metric needs a network: how many roads are marked walkable.

/** Whether the roads layer holds any walkable road (walking distances need one). */
export async function countWalkableRoads(c: DuckDBConnection): Promise<number> {
  const reader = await c.runAndReadAll(
    "SELECT count(*) FROM roads WHERE (properties->>'walkable') = 'true'",
  );
  return Number(reader.getRowsJS()[0]?.[0]);
}
