import { OpenAPIHono } from '@hono/zod-openapi';
import type { AtlasStore } from '@atlas/store';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.ts';
import { onError, validationHook, notFound } from './problem.ts';
import { health } from './routes/health.ts';
import { layers } from './routes/layers.ts';
import { serveWeb } from './static.ts';

export interface AppDeps {
  store: AtlasStore;
  log: Logger;
  /** Built web app directory to serve at /, or null for the API alone. */
  webDist?: string | null;
}

const API_VERSION = '0.1.0';

/** The whole HTTP app. Thin: routes validate, call a package, and map errors to problems. */
export function createApp({ store, log, webDist = null }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', async (c, next) => {
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
  const api = app.route('/', health).route('/', layers);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: '校园周边风险地图 Campus Perimeter & Risk Atlas API', version: API_VERSION },
  });
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
