import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serve the built web app; hashed assets are immutable, index.html always revalidated. */
export function serveWeb(app: OpenAPIHono<AppEnv>, webDist: string) {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`web app not built: ${webDist}/index.html is missing (run npm run build:web)`);
  }
  app.use(
    '/assets/*',
    serveStatic({ root: webDist, onFound: (_p, c) => c.header('Cache-Control', IMMUTABLE) }),
  );
  app.use('*', serveStatic({ root: webDist }));
  // Client-side routes fall back to the app shell.
  app.get('*', serveStatic({ root: webDist, path: 'index.html' }));
}
