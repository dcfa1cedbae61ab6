import { resolve } from 'node:path';

// The one module that reads the environment. Everything else receives a Config.
export interface Config {
  port: number;
  host: string;
  /** DuckDB file; ':memory:' for tests. */
  dbPath: string;
  /** Directory with the embedded demo district, loaded into a fresh database. */
  demoDir: string;
  /** Built web app (apps/web/dist); null serves the API alone. */
  webDist: string | null;
  logLevel: string;
  /** A bureau's own offline basemap (PMTiles v3 or MBTiles file, ATLAS_BASEMAP); null when none. */
  basemapPath: string | null;
  /** DuckDB's memory limit in MiB (ATLAS_DB_MEMORY_MIB); null leaves DuckDB's own, 80% of RAM. */
  dbMemoryMiB: number | null;
}

const ROOT = resolve(import.meta.dirname, '../../..');
const DEFAULT_PORT = 8080;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  }
  const dbMemoryMiB = env.ATLAS_DB_MEMORY_MIB ? Number(env.ATLAS_DB_MEMORY_MIB) : null;
  if (dbMemoryMiB !== null && (!Number.isSafeInteger(dbMemoryMiB) || dbMemoryMiB < 1)) {
    throw new Error(
      `ATLAS_DB_MEMORY_MIB must be a positive integer (MiB), got "${env.ATLAS_DB_MEMORY_MIB}"`,
    );
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dbPath: env.ATLAS_DB ?? resolve(ROOT, 'data/atlas.duckdb'),
    demoDir: env.ATLAS_DEMO_DIR ?? resolve(ROOT, 'data/demo'),
    webDist:
      env.ATLAS_WEB_DIST === '' ? null : (env.ATLAS_WEB_DIST ?? resolve(ROOT, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    basemapPath: env.ATLAS_BASEMAP ? resolve(env.ATLAS_BASEMAP) : null,
    dbMemoryMiB,
  };
}
