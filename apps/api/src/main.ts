import { serve } from '@hono/node-server';
import type { AtlasStore } from '@atlas/store';
import { readConfig } from './env.ts';
import { createLogger } from './log.ts';
import { openDatabase } from './startup.ts';
import { createTileSource } from '@atlas/tiles';
import { createApp } from './app.ts';
import { loadTiles } from './load-tiles.ts';
import { openBasemapFile } from './routes/basemap-file.ts';
import type { BasemapFile } from './routes/basemap-file.ts';

// Start-up: config → offline basemap (if set) → database → tiles (loading in the background)
// → HTTP server → graceful shutdown.
// A basemap or database that cannot be opened stops start-up with a clear error and exit 1.
const SHUTDOWN_GRACE_MS = 10_000;

const config = readConfig();
const log = createLogger(config.logLevel);

let basemap: BasemapFile | null = null;
if (config.basemapPath) {
  try {
    basemap = await openBasemapFile(config.basemapPath);
    log.info({ basemap: config.basemapPath, kind: basemap.kind }, 'offline basemap opened');
  } catch (err) {
    log.fatal({ err, basemap: config.basemapPath }, (err as Error).message);
    process.exit(1);
  }
}

let store: AtlasStore;
try {
  store = await openDatabase(config, log);
} catch (err) {
  log.fatal({ err, db: config.dbPath }, `cannot open the database: ${(err as Error).message}`);
  process.exit(1);
}

const tiles = createTileSource(store);
const loadStarted = performance.now();
loadTiles(tiles)
  .then(() => {
    const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    log.info({ ms: Math.round(performance.now() - loadStarted), rssMb }, 'tiles loaded');
  })
  .catch((err: unknown) => log.error({ err }, 'tiles could not load; tile requests will fail'));
const app = createApp({ store, log, webDist: config.webDist, basemap, tiles });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info(
    { url: `http://${config.host}:${info.port}` },
    `atlas serving at http://${config.host}:${info.port}`,
  );
});
server.on('error', (err) => {
  log.fatal({ err }, 'HTTP server error');
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(async () => {
    tiles.close();
    await store.close();
    log.info('stopped');
    process.exit(0);
  });
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
