import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';

const Health = z.object({
  status: z.literal('ok'),
  schemaVersion: z.number().int(),
  db: z.string().describe('database file name (not its full path)'),
});

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  responses: { 200: { content: { 'application/json': { schema: Health } }, description: 'OK' } },
});

export const health = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const store = c.get('store');
  const db = store.path === ':memory:' ? ':memory:' : (store.path.split('/').pop() ?? store.path);
  return c.json({ status: 'ok' as const, schemaVersion: await store.schemaVersion(), db }, 200);
});
