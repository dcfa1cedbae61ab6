import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startServer, freePort } from './helpers/server.ts';

// Start-up and shutdown of the real server process.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-life-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server lifecycle', () => {
  it('refuses to start on a corrupt database file, with a clear message and exit code 1', async () => {
    const db = join(dir, 'corrupt.duckdb');
    writeFileSync(db, 'this is not a DuckDB database, just text');
    const port = await freePort();
    const { output, exited } = spawnServer({ ATLAS_DB: db, PORT: String(port) });
    expect(await exited).toBe(1);
    expect(output()).toContain('cannot open the database');
    expect(output()).toContain(db);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });

  it('creates a missing database with the demo district, and reopens it on the next start', async () => {
    const db = join(dir, 'fresh.duckdb');
    const first = await startServer({ ATLAS_DB: db, ATLAS_WEB_DIST: '' });
    const before = (await (await fetch(`${first.url}/api/layers`)).json()) as {
      layers: { name: string; count: number }[];
    };
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('loaded the demo district');

    const second = await startServer({ ATLAS_DB: db, ATLAS_WEB_DIST: '' });
    const after = (await (await fetch(`${second.url}/api/layers`)).json()) as typeof before;
    expect(await second.stop('SIGINT')).toBe(0);
    expect(second.output()).not.toContain('loaded the demo district');
    expect(after.layers).toEqual(before.layers);
    expect(before.layers.find((l) => l.name === 'schools')!.count).toBeGreaterThan(0);
  });
});
