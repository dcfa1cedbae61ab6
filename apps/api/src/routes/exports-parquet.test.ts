import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let ctx: Ctx;
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('schools', [schoolFeature('sch-001', 111.3, 30.8)]);
  await ctx.store.upsert('stores', [storeFeature(1, 111.3, 30.8), storeFeature(2, 111.31, 30.8)]);
});
afterAll(() => ctx.close());

describe('GET /api/export/parquet', () => {
  it('streams a zip naming one Parquet file per non-empty layer', async () => {
    const res = await ctx.app.request('/api/export/parquet');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="atlas-parquet.zip"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual(ZIP_LOCAL_HEADER);
    const text = bytes.toString('latin1');
    expect(text).toContain('schools.parquet');
    expect(text).toContain('stores.parquet');
    expect(text).toContain('PAR1');
    expect(text).not.toContain('hazards.parquet');
  });
});
