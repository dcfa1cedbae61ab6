import pg from 'pg';
import type { TileCoord } from '@atlas/tiles';
import { HOST, SUPERUSER } from './cluster.ts';
import { TILE_SQL } from './tile-query.ts';

// Time the tile list as a client sees it: a pool of N connections, N workers taking the
// next tile, each tile one prepared query; latency from sending the query to holding the
// tile as a Buffer. The bytea comes as hex text (pg's protocol parser reads every field as
// UTF-8, so binary results would corrupt it): twice the bytes on the wire, as for psql.

export interface PassResult {
  /** Per tile, in list order. */
  latenciesMs: number[];
  bytes: number[];
  wallMs: number;
}

/** A pool with all its connections open (connecting is not part of a tile's time). */
export async function openPool(port: number, connections: number): Promise<pg.Pool> {
  const pool = new pg.Pool({
    host: HOST,
    port,
    user: SUPERUSER,
    database: 'postgres',
    max: connections,
  });
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  await Promise.all(clients.map((c) => c.query('SELECT 1')));
  for (const c of clients) c.release();
  return pool;
}

export async function fetchTile(pool: pg.Pool, t: TileCoord): Promise<Buffer> {
  const result = await pool.query<[Buffer]>({
    name: 'atlas_tile',
    text: TILE_SQL,
    values: [t.z, t.x, t.y],
    rowMode: 'array',
  });
  const tile = result.rows[0]?.[0];
  if (!Buffer.isBuffer(tile)) throw new Error(`tile ${t.z}/${t.x}/${t.y}: expected one bytea row`);
  return tile;
}

/** One pass over the list with `concurrency` workers sharing the pool. */
export async function timePass(
  pool: pg.Pool,
  tiles: readonly TileCoord[],
  concurrency: number,
): Promise<PassResult> {
  const result: PassResult = {
    latenciesMs: new Array<number>(tiles.length),
    bytes: new Array<number>(tiles.length),
    wallMs: 0,
  };
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < tiles.length) {
      const i = next++;
      const sent = performance.now();
      const tile = await fetchTile(pool, tiles[i]!);
      result.latenciesMs[i] = performance.now() - sent;
      result.bytes[i] = tile.byteLength;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.wallMs = performance.now() - started;
  return result;
}
