import { freePort, spawnServer } from '../../tests/helpers/server.ts';

// The real server for the browser benchmarks: a database file (a new file gets the demo
// district), optionally another build of the web app (ATLAS_WEB_DIST).

/** Loading the province (a million stores) takes a while. */
export const START_TIMEOUT_MS = 180_000;
const POLL_MS = 500;

/** The real server on `db` (the demo district when the file is new), once it answers. */
export async function serve(db: string, dist?: string) {
  const port = await freePort();
  const server = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    ATLAS_DB: db,
    ...(dist ? { ATLAS_WEB_DIST: dist } : {}),
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`server did not start:\n${server.output()}`);
    const ok = await fetch(`${url}/tiles.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop: () => (server.proc.kill('SIGTERM'), server.exited) };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
