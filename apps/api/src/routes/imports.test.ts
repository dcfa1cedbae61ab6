import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { onError } from '../problem.ts';
import { testApp } from '../test-app.ts';
import { importRoutes } from './imports.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let ctx: Ctx;

const FIXTURES = join(import.meta.dirname, '../../../../packages/import/fixtures');
const storesCsv = readFileSync(join(FIXTURES, 'stores-wgs84.csv'));

interface Job {
  id: string;
  status: string;
  preview: {
    counts: Record<string, number>;
    problems: { row: number | null; field: string | null; reason: string }[];
    rows: unknown[];
  } | null;
  result: { counts: Record<string, number>; committed: boolean } | null;
}

function upload(
  app: { request: Ctx['app']['request'] },
  bytes: Uint8Array,
  name: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  form.set('layer', 'stores');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request('/api/imports', { method: 'POST', body: form });
}

/** Read the job's SSE stream until it rests; returns the event names seen and the last job. */
async function follow(id: string): Promise<{ events: string[]; job: Job }> {
  const res = await ctx.app.request(`/api/imports/${id}/events`);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const text = await res.text(); // the stream ends when the job rests
  const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]!);
  const datas = [...text.matchAll(/^data: (.*)$/gm)].map((m) => m[1]!);
  const job = JSON.parse(datas[datas.length - 1]!) as Job;
  return { events, job };
}

async function previewed(
  bytes: Uint8Array,
  name: string,
  fields?: Record<string, string>,
): Promise<Job> {
  const res = await upload(ctx.app, bytes, name, fields);
  expect(res.status).toBe(202);
  const job = (await res.json()) as Job;
  const { events, job: last } = await follow(job.id);
  expect(events).toContain('status');
  expect(last.status).toBe('previewed');
  return last;
}

beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('POST /api/imports', () => {
  it('previews an upload without writing: counts, mapping and first rows', async () => {
    const job = await previewed(storesCsv, 'stores-wgs84.csv');
    expect(job.preview!.counts).toMatchObject({ rows: 4, valid: 4, added: 4, errors: 0 });
    expect(job.preview!.rows).toHaveLength(4);
    const got = (await (await ctx.app.request(`/api/imports/${job.id}`)).json()) as Job;
    expect(got.status).toBe('previewed');
    expect((await ctx.store.stats()).find((s) => s.layer === 'stores')!.count).toBe(0);
  });

  it('commits all rows in one go, and a second import of the same file changes nothing', async () => {
    const job = await previewed(storesCsv, 'stores-wgs84.csv');
    const res = await ctx.app.request(`/api/imports/${job.id}/commit`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Job).result!.counts).toMatchObject({ added: 4 });
    const again = await previewed(storesCsv, 'stores-wgs84.csv');
    expect(again.preview!.counts).toMatchObject({ added: 0, unchanged: 4 });
    const second = await ctx.app.request(`/api/imports/${again.id}/commit`, { method: 'POST' });
    expect(((await second.json()) as Job).result!.counts).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 4,
    });
    expect((await ctx.store.stats()).find((s) => s.layer === 'stores')!.count).toBe(4);
    const twice = await ctx.app.request(`/api/imports/${job.id}/commit`, { method: 'POST' });
    expect(twice.status).toBe(409);
  });

  it('refuses to commit a file with errors, naming row, field and reason, and writes nothing', async () => {
    const bad = Buffer.from(
      '名称,类型,经度,纬度\n好店,网吧,114.3,30.3\n坏店,网吧,abc,30.3\n',
      'utf8',
    );
    const job = await previewed(bad, 'bad.csv', { source: 'bad-file' });
    expect(job.preview!.problems).toContainEqual(
      expect.objectContaining({ row: 3, field: '经度', reason: 'not a number: "abc"' }),
    );
    const res = await ctx.app.request(`/api/imports/${job.id}/commit`, { method: 'POST' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { problems: { row: number; field: string }[] };
    expect(body.problems).toContainEqual(expect.objectContaining({ row: 3, field: '经度' }));
    const page = await ctx.store.query('stores', { limit: 100 });
    expect(page.features.some((f) => f.properties.name === '好店')).toBe(false);
  });

  it('commits with an override that confirms an offered CRS', async () => {
    const text = '名称,类型,经度(高德),纬度(高德)\n高德网吧,网吧,114.33,30.36\n';
    const job = await previewed(Buffer.from(text), 'amap.csv', { source: 'amap' });
    expect(job.preview!.problems).toContainEqual(expect.objectContaining({ field: 'crs' }));
    const rejected = await ctx.app.request(`/api/imports/${job.id}/commit`, { method: 'POST' });
    expect(rejected.status).toBe(422);
    const res = await ctx.app.request(`/api/imports/${job.id}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ crs: 'gcj02' }),
    });
    expect(res.status).toBe(200);
    const [feature] = (await ctx.store.query('stores', { limit: 100 })).features.filter(
      (f) => f.properties.name === '高德网吧',
    );
    expect(feature!.properties.provenance.originalCrs).toBe('GCJ-02');
    expect(feature!.geometry.coordinates[0]).not.toBe(114.33);
  });

  it('answers 400 problem+json for a missing file or an unknown layer', async () => {
    const form = new FormData();
    form.set('layer', 'stores');
    const res = await ctx.app.request('/api/imports', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: { field: string }[] }).problems[0]!.field).toBe(
      'file',
    );
    const wrong = await upload(ctx.app, storesCsv, 'x.csv', { layer: 'shops' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { problems: { field: string }[] }).problems[0]!.field).toBe(
      'layer',
    );
  });

  it('answers 413 for a file over the configured limit', async () => {
    const log = pino({ level: 'silent' });
    const small = new OpenAPIHono<AppEnv>();
    small.use('*', async (c, next) => {
      c.set('store', ctx.store);
      c.set('log', log);
      await next();
    });
    small.route('/', importRoutes({ maxFileBytes: 100 }));
    small.onError(onError(log));
    const res = await upload(small, new Uint8Array(5_000), 'big.csv');
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 for an unknown job', async () => {
    expect((await ctx.app.request('/api/imports/nope')).status).toBe(404);
    expect((await ctx.app.request('/api/imports/nope/commit', { method: 'POST' })).status).toBe(
      404,
    );
  });
});
