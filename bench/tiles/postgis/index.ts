import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { tileKey, type TileCoord } from '@atlas/tiles';
// Find PostgreSQL + PostGIS 3 from Debian, installing them as root when missing.
import { findPostgres } from './install.ts';
// The cached cluster under bench/data/postgis/, reused while the province file is unchanged.
import {
  clusterDir,
  LOAD_VERSION,
  provinceIdentity,
  removeStamp,
  validStamp,
  writeStamp,
} from './cache.ts';
// A throwaway server on loopback: initdb, start, restart (cold), stop.
import { HOST, initCluster, SERVER_SETTINGS, startCluster, SUPERUSER } from './cluster.ts';
// Province layers through @atlas/store → COPY → EPSG:3857, GiST, CLUSTER, ANALYZE.
import { loadProvince } from './load.ts';
// Cold and warm passes per concurrency over the list and its z10–16 part, summarised.
import { measurePasses, tileLists } from './passes.ts';
import type { PostgisRun } from './report.ts';

// The PostGIS reference for the tile benchmark (issue 4): PostGIS 3 ST_AsMVT over three
// layers (water, schools, stores) of the same province, timed on the same tile list from a
// client, at each concurrency cold (server just restarted) then warm (the same list again),
// over the whole list and over its z10–16 part alone (see passes.ts).

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_PROVINCE_DB = join(ROOT, 'bench/data/province.duckdb');
export const DEFAULT_CACHE_DIR = join(ROOT, 'bench/data/postgis');
export const DEFAULT_CONCURRENCIES = [1, 16] as const;

export interface PostgisOptions {
  /** The tile list, e.g. tileList(PROVINCE_DENSEST_TOWN, PROVINCE_BBOX). */
  tiles: readonly TileCoord[];
  provinceDb?: string;
  cacheDir?: string;
  concurrencies?: readonly number[];
  /** apt-get install PostgreSQL / PostGIS when missing (root only); default true. */
  install?: boolean;
  log?: (line: string) => void;
}

export interface PostgisResult {
  postgres: string;
  postgis: string;
  settings: Record<string, string>;
  load: { reused: boolean; loadMs: number; rows: Record<string, number> };
  tiles: number;
  runs: PostgisRun[];
  maxTile: { tile: string; bytes: number };
}

export type { PostgisRun } from './report.ts';
export { formatRun } from './report.ts';

async function versions(port: number) {
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ pg: string; postgis: string }>(
      'SELECT version() AS pg, postgis_lib_version() AS postgis',
    );
    return { postgres: rows[0]?.pg ?? '?', postgis: rows[0]?.postgis ?? '?' };
  } finally {
    await client.end();
  }
}

export async function runPostgisReference(options: PostgisOptions): Promise<PostgisResult> {
  const {
    tiles,
    provinceDb = DEFAULT_PROVINCE_DB,
    cacheDir = DEFAULT_CACHE_DIR,
    concurrencies = DEFAULT_CONCURRENCIES,
    install = true,
    log = console.log,
  } = options;
  if (tiles.length === 0) throw new Error('runPostgisReference: expected a non-empty tile list');
  for (const c of concurrencies) {
    if (!Number.isSafeInteger(c) || c < 1) {
      throw new RangeError(`runPostgisReference: concurrency ${c}, expected a positive integer`);
    }
  }

  const pgInstall = await findPostgres(install, log);
  const dataDir = clusterDir(cacheDir, pgInstall.major);
  const stamp = await validStamp(cacheDir, provinceDb, pgInstall.major);
  if (!stamp) {
    log(`postgis: loading ${provinceDb} into a new cluster at ${dataDir}`);
    await mkdir(cacheDir, { recursive: true });
    await removeStamp(cacheDir);
    await initCluster(pgInstall, dataDir);
  } else {
    log(`postgis: reusing the loaded cluster at ${dataDir}`);
  }
  const cluster = await startCluster(pgInstall, dataDir);
  try {
    let load = { reused: true, loadMs: stamp?.loadMs ?? 0, rows: stamp?.rows ?? {} };
    if (!stamp) {
      const client = new pg.Client({ host: HOST, port: cluster.port, user: SUPERUSER });
      await client.connect();
      try {
        load = {
          reused: false,
          ...(await loadProvince(client, pgInstall, cluster.port, provinceDb, log)),
        };
      } finally {
        await client.end();
      }
      const province = await provinceIdentity(provinceDb);
      await writeStamp(cacheDir, {
        loadVersion: LOAD_VERSION,
        postgresMajor: pgInstall.major,
        province,
        rows: load.rows,
        loadMs: load.loadMs,
      });
    }
    const { postgres, postgis } = await versions(cluster.port);
    log(`postgis: ${postgis} on ${postgres.split(',')[0]}, ${tiles.length} tiles`);

    const { runs, bytesOfAll: sizes } = await measurePasses(
      cluster,
      tileLists(tiles),
      concurrencies,
      log,
    );
    const largest = sizes.reduce((best, b, i) => (b > sizes[best]! ? i : best), 0);
    return {
      postgres,
      postgis,
      settings: SERVER_SETTINGS,
      load,
      tiles: tiles.length,
      runs,
      maxTile: { tile: tileKey(tiles[largest]!), bytes: sizes[largest] ?? 0 },
    };
  } finally {
    await cluster.stop();
  }
}
