import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The transport floor of the warm runs: a Hono app on the same adapter, in the same process,
// that answers each tile path with bytes it already holds in a Map (no parsing, no cache,
// no ETag work). What the client times against it is what HTTP on loopback costs on this
// machine for the same bodies; warm tiles can only approach it.

export interface FloorBodies {
  identity: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

export async function serveFloor(bodies: Map<string, FloorBodies>) {
  const app = new Hono().get('/tiles/:z/:x/:file', (c) => {
    const found = bodies.get(c.req.path);
    if (!found) return c.body(null, 204);
    const gzip = c.req.header('accept-encoding')?.includes('gzip') ?? false;
    const headers: Record<string, string> = { 'content-type': 'application/x-protobuf' };
    if (gzip) headers['content-encoding'] = 'gzip';
    return c.body(gzip ? found.gzip : found.identity, 200, headers);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('floor server has no address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
