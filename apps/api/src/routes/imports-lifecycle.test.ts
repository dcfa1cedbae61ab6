import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type AtlasStore } from '@atlas/store';
import type { AppEnv } from '../app-env.ts';
import { onError } from '../problem.ts';
import { importRoutes, type ImportRouteOptions } from './imports.ts';

// Uploads streamed to disk, jobs kept across a restart, cancelling: each with a real
// DuckDB file and its own upload directory, so that leftover files can be seen.

let dir: string;
let uploads: string;
let dbPath: string;
let store: AtlasStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-api-imports-'));
  uploads = join(dir, 'uploads');
  mkdirSync(uploads);
  dbPath = join(dir, 'atlas.duckdb');
  store = await openStore(dbPath);
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** The import routes as a fresh process would mount them over `store`. */
function routes(options: ImportRouteOptions = {}) {
  const log = pino({ level: 'silent' });
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('store', store);
    c.set('log', log);
    await next();
  });
  app.route('/', importRoutes({ uploadRoot: uploads, ...options }));
  app.onError(onError(log));
  return app;
}

const CSV =
  '名称,类型,许可证号,经度,纬度\n甲网吧,网吧,L1,114.3201,30.3502\n乙烟酒,烟酒,L2,114.3212,30.3511\n';

interface Job {
  id: string;
  status: string;
  result: { counts: Record<string, number> } | null;
}

async function previewed(app: ReturnType<typeof routes>, text = CSV): Promise<Job> {
  const form = new FormData();
  form.set('layer', 'stores');
  form.set('source', '登记');
  form.set('file', new File([text], '商户.csv'));
  const res = await app.request('/api/imports', { method: 'POST', body: form });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as Job;
  await (await app.request(`/api/imports/${id}/events`)).text(); // ends when the job rests
  return (await (await app.request(`/api/imports/${id}`)).json()) as Job;
}

/** A multipart body streamed in chunks, with no content-length: only streaming can stop it. */
function streamedUpload(fileBytes: number): RequestInit {
  const boundary = 'atlasboundary';
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="layer"\r\n\r\nstores\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.csv"\r\ncontent-type: text/csv\r\n\r\n`;
  const chunk = new TextEncoder().encode('名称,经度,纬度\n'.padEnd(1024, 'x'));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode(head));
      if (sent >= fileBytes) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
  return {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half',
  } as RequestInit;
}

describe('uploads', () => {
  it('refuses a streamed upload over the limit with 413 naming it, leaving no temp file', async () => {
    const res = await routes({ maxFileBytes: 10_000 }).request(
      '/api/imports',
      streamedUpload(200_000),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain('10000 bytes');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('streams an upload under the limit to a file and previews it from disk', async () => {
    const app = routes();
    const job = await previewed(app);
    expect(job.status).toBe('previewed');
    expect(readdirSync(uploads)).toHaveLength(1);
  });

  it('removes the file once a job is committed or cancelled', async () => {
    const app = routes();
    const committed = await previewed(app);
    expect(
      (await app.request(`/api/imports/${committed.id}/commit`, { method: 'POST' })).status,
    ).toBe(200);
    expect(readdirSync(uploads)).toEqual([]);
    const cancelled = await previewed(app);
    const res = await app.request(`/api/imports/${cancelled.id}`, { method: 'DELETE' });
    expect(((await res.json()) as Job).status).toBe('cancelled');
    expect(readdirSync(uploads)).toEqual([]);
    expect(
      (await app.request(`/api/imports/${cancelled.id}/commit`, { method: 'POST' })).status,
    ).toBe(409);
    expect((await app.request(`/api/imports/${committed.id}`, { method: 'DELETE' })).status).toBe(
      409,
    );
  });
});

describe('after a restart', () => {
  it('still answers for every job; one that was running reads interrupted and its file is gone', async () => {
    const before = routes();
    const kept = await previewed(before);
    // A job cut off mid-preview, as a process killed then would have left it.
    const cutDir = mkdtempSync(join(uploads, 'atlas-import-'));
    writeFileSync(join(cutDir, 'upload'), CSV);
    const now = new Date().toISOString();
    await store.saveImportJob({
      id: 'cut-off',
      layer: 'stores',
      fileName: 'cut.csv',
      status: 'previewing',
      createdAt: now,
      updatedAt: now,
      dir: cutDir,
      details: { options: { layer: 'stores' }, preview: null, result: null, error: null },
    });
    await store.close();
    store = await openStore(dbPath);
    const after = routes(); // a new process: no job in memory

    const list = (await (await after.request('/api/imports')).json()) as { jobs: Job[] };
    const status = Object.fromEntries(list.jobs.map((j) => [j.id, j.status]));
    expect(status).toEqual({ [kept.id]: 'previewed', 'cut-off': 'interrupted' });
    expect(existsSync(cutDir)).toBe(false);
    expect((await after.request('/api/imports/cut-off/commit', { method: 'POST' })).status).toBe(
      409,
    );

    // The previewed job's file survived the restart: it can still be committed, with replace.
    const res = await after.request(`/api/imports/${kept.id}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace: true }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Job).result!.counts).toMatchObject({ added: 2, removed: 0 });
    expect((await store.stats()).find((s) => s.layer === 'stores')!.count).toBe(2);
  });
});
