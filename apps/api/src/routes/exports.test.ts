import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '@atlas/import';
import { storeFeature, testApp } from '../test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let ctx: Ctx;
let dir: string;
const stores = Array.from({ length: 30 }, (_, i) => storeFeature(i, 114.3 + i * 0.001, 30.35));

beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('stores', stores);
  dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(format: string) {
  const res = await ctx.app.request(`/api/layers/stores/export?format=${format}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="stores.${format}"`);
  return res;
}

describe('GET /api/layers/:layer/export', () => {
  it('exports GeoJSON with every feature, as stored', async () => {
    const fc = (await (await download('geojson')).json()) as { features: { id: string }[] };
    expect(fc.features.map((f) => f.id)).toEqual(stores.map((f) => f.id));
    expect(fc.features[3]).toEqual(stores[3]);
  });

  it('exports CSV as UTF-8 with a BOM and Chinese headers, which re-imports unchanged', async () => {
    const bytes = new Uint8Array(await (await download('csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toContain('名称(name)');
    const path = join(dir, 'stores.csv');
    writeFileSync(path, bytes);
    const report = await runImport(
      ctx.store,
      path,
      { layer: 'stores', source: '测试数据' },
      { mode: 'preview' },
    );
    expect(report.counts).toMatchObject({ rows: 30, errors: 0, unchanged: 30 });
  });

  it('exports XLSX that the importer reads back', async () => {
    const bytes = new Uint8Array(await (await download('xlsx')).arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const path = join(dir, 'stores.xlsx');
    writeFileSync(path, bytes);
    const report = await runImport(ctx.store, path, { layer: 'stores' }, { mode: 'preview' });
    expect(report.counts.rows).toBe(30);
    expect(report.counts.errors).toBe(0);
  });

  it('answers 404 for an unknown layer and 400 for an unknown format', async () => {
    expect((await ctx.app.request('/api/layers/shops/export')).status).toBe(404);
    expect((await ctx.app.request('/api/layers/stores/export?format=pdf')).status).toBe(400);
  });

  it('leaves feature look-ups by id alone', async () => {
    expect((await ctx.app.request(`/api/layers/stores/${stores[0]!.id}`)).status).toBe(200);
  });
});
