import { createServer, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { acceptsGzip } from '../../apps/api/src/routes/accepts-gzip.ts';

// The transport floors of the warm runs, two servers in the same process that answer each
// tile path with bytes they already hold in a Map (no parsing, no cache, no ETag work):
// - `floor`: a Hono app on the same adapter as ours. What the client times against it is
//   what HTTP through our framework costs on this machine for the same bodies.
// - `bare`: node:http alone, no framework. What any Node server pays here: loopback, the
//   two processes' scheduling, and the client. Warm tiles can only approach these.

export interface FloorBodies {
  identity: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

export interface FloorServer {
  baseUrl: string;
  close: () => void;
}

const MVT_TYPE = 'application/x-protobuf';

/** The body and headers that answer a request with this Accept-Encoding, as the app chooses. */
function representation(found: FloorBodies, acceptEncoding: string | undefined) {
  const gzip = acceptsGzip(acceptEncoding);
  const headers: Record<string, string> = { 'content-type': MVT_TYPE };
  if (gzip) headers['content-encoding'] = 'gzip';
  return { body: gzip ? found.gzip : found.identity, headers };
}

async function listening(server: Server): Promise<FloorServer> {
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('floor server has no address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export function serveFloor(bodies: Map<string, FloorBodies>): Promise<FloorServer> {
  const app = new Hono().get('/tiles/:z/:x/:file', (c) => {
    const found = bodies.get(c.req.path);
    if (!found) return c.body(null, 204);
    const { body, headers } = representation(found, c.req.header('accept-encoding'));
    return c.body(body, 200, headers);
  });
  return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
}

export function serveBare(bodies: Map<string, FloorBodies>): Promise<FloorServer> {
  const server = createServer((req, res) => {
    const found = bodies.get(req.url ?? '');
    if (!found) {
      res.writeHead(204).end();
      return;
    }
    const { body, headers } = representation(found, req.headers['accept-encoding']);
    res.writeHead(200, { ...headers, 'content-length': body.byteLength }).end(body);
  });
  server.listen(0, '127.0.0.1');
  return listening(server);
}
