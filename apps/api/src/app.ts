import { OpenAPIHono } from '@hono/zod-openapi';
import type { AtlasStore } from '@atlas/store';
import { createTileSource, type TileSource } from '@atlas/tiles';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.ts';
import { onError, validationHook, notFound } from './problem.ts';
import { health } from './routes/health.ts';
import { layers } from './routes/layers.ts';
import { importRoutes } from './routes/imports.ts';
import { exportRoutes } from './routes/exports.ts';
import { auditExports } from './routes/exports-audit.ts';
import { parquetExport } from './routes/exports-parquet.ts';
import { audits } from './routes/audits.ts';
import { auditSummary } from './routes/audit-summary.ts';
import { profiles } from './routes/profiles.ts';
import { zones } from './routes/zones.ts';
import { search } from './routes/search.ts';
import { tileRoutes } from './routes/tiles.ts';
import { basemapRoutes } from './routes/basemap.ts';
import type { BasemapFile } from './routes/basemap-file.ts';
import { serveWeb } from './static.ts';

export interface AppDeps {
  store: AtlasStore;
  log: Logger;
  /** Built web app directory to serve at /, or null for the API alone. */
  webDist?: string | null;
  /** Vector tiles; by default a source over the store, loading as the app starts. */
  tiles?: TileSource;
  /** The bureau's own offline basemap (ATLAS_BASEMAP), opened at start-up; null for none. */
  basemap?: BasemapFile | null;
}

const API_VERSION = '0.1.0';

/** The whole HTTP app. Thin: routes validate, call a package, and map errors to problems. */
export function createApp({ store, log, webDist = null, tiles, basemap = null }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // API routes only: tiles, basemap and assets read neither the store nor the log from the
  // context, and a warm tile (the bulk of a map's requests, ≈ 0.1 ms in the app) need not
  // pass through an async wrapper to be logged at debug level.
  app.use('/api/*', async (c, next) => {
    c.set('store', store);
    c.set('log', log);
    const started = performance.now();
    await next();
    log.debug({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: performance.now() - started,
    });
  });
  const api = app
    .route('/', health)
    .route('/', exportRoutes()) // before layers: /api/layers/:layer/export is not a feature id
    .route('/', layers)
    .route('/', importRoutes())
    .route('/', search)
    .route('/', audits)
    .route('/', auditSummary)
    .route('/', auditExports)
    .route('/', parquetExport)
    .route('/', profiles)
    .route('/', zones);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: '校园周边风险地图 Campus Perimeter & Risk Atlas API', version: API_VERSION },
  });
  app.route('/', tileRoutes(tiles ?? createTileSource(store)));
  app.route('/', basemapRoutes(basemap));
  app.all('/api/*', (c) => {
    throw notFound(`no API route ${c.req.method} ${c.req.path}`);
  });
  if (webDist) serveWeb(app, webDist);
  app.notFound((c) => {
    throw notFound(`nothing at ${c.req.path}`);
  });
  app.onError(onError(log));
  return api;
}

export type AppType = ReturnType<typeof createApp>;
