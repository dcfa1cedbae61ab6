import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let ctx: Ctx;

// A 20 × 10 grid of stores at 0.01° spacing starting at (111, 30).
const GRID_W = 20;
const GRID_H = 10;
const STEP = 0.01;
const stores = Array.from({ length: GRID_W * GRID_H }, (_, i) =>
  storeFeature(i, 111 + (i % GRID_W) * STEP, 30 + Math.floor(i / GRID_W) * STEP),
);

beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('stores', stores);
  await ctx.store.upsert('schools', [schoolFeature('sch-1', 111.05, 30.05)]);
});
afterAll(() => ctx.close());

async function problem(path: string, status: number) {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; detail: string; problems?: { field: string }[] };
}

describe('GET /api/layers', () => {
  it('lists every layer with its count and bounds', async () => {
    const res = await ctx.app.request('/api/layers');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      demo: boolean;
      layers: { name: string; count: number; bounds: number[] | null }[];
    };
    expect(body.demo).toBe(false);
    const byName = Object.fromEntries(body.layers.map((l) => [l.name, l]));
    expect(byName.stores!.count).toBe(stores.length);
    expect(byName.stores!.bounds).toEqual(
      [111, 30, 111 + (GRID_W - 1) * STEP, 30 + (GRID_H - 1) * STEP].map((v) =>
        expect.closeTo(v, 12),
      ),
    );
    expect(byName.water).toMatchObject({ count: 0, bounds: null });
  });
});

describe('GET /api/layers/:layer', () => {
  it('returns the features inside a bbox, and only those', async () => {
    const res = await ctx.app.request('/api/layers/stores?bbox=111.025,30.015,111.055,30.035');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as {
      features: { id: string; geometry: { coordinates: number[] } }[];
    };
    const expected = stores
      .filter(
        ({
          geometry: {
            coordinates: [x, y],
          },
        }) => x >= 111.025 && x <= 111.055 && y >= 30.015 && y <= 30.035,
      )
      .map((f) => f.id)
      .sort();
    expect(expected.length).toBe(6);
    expect(fc.features.map((f) => f.id).sort()).toEqual(expected);
  });

  it('pages through a layer with cursors, every feature exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await ctx.app.request(`/api/layers/stores?limit=37${q}`);
      const page = (await res.json()) as { features: { id: string }[]; nextCursor: string | null };
      seen.push(...page.features.map((f) => f.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(stores.length / 37));
    expect(seen.sort()).toEqual(stores.map((s) => s.id).sort());
  });

  it('returns a feature exactly as stored', async () => {
    const res = await ctx.app.request('/api/layers/schools/sch-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(schoolFeature('sch-1', 111.05, 30.05));
  });

  it('answers 404 problem+json for an unknown layer or feature', async () => {
    expect((await problem('/api/layers/bars', 404)).detail).toContain('unknown layer "bars"');
    expect((await problem('/api/layers/schools/nope', 404)).detail).toContain('nope');
  });

  it.each([
    ['1,2,3', 'got 3 value'],
    ['a,30,111,31', 'value 1 ("a") is not a number'],
    ['111,-91,112,31', 'latitude'],
    ['112,30,111,31', 'west must not exceed east'],
    ['111,31,112,30', 'south must not exceed north'],
    ['111,30,,31', 'value 3'],
  ])('rejects bbox=%s with 400 naming bbox (%s)', async (bbox, reason) => {
    const body = await problem(`/api/layers/stores?bbox=${bbox}`, 400);
    expect(body.problems?.map((p) => p.field)).toEqual(['bbox']);
    expect(body.detail).toContain(reason);
  });

  it.each(['0', '10001', '-5', '2.5', 'many'])(
    'rejects limit=%s with 400 naming limit',
    async (limit) => {
      const body = await problem(`/api/layers/stores?limit=${limit}`, 400);
      expect(body.problems?.map((p) => p.field)).toEqual(['limit']);
    },
  );

  it('rejects a forged cursor with 400 naming cursor', async () => {
    const body = await problem('/api/layers/stores?cursor=garbage!!', 400);
    expect(body.detail).toContain('cursor');
  });
});

describe('the API shell', () => {
  it('answers health with the schema version', async () => {
    const res = await ctx.app.request('/api/health');
    expect(await res.json()).toMatchObject({ status: 'ok', schemaVersion: expect.any(Number) });
  });

  it('publishes an OpenAPI 3.1 document listing the layer routes', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/layers',
        '/api/layers/{layer}',
        '/api/layers/{layer}/{id}',
      ]),
    );
  });

  it('answers 404 problem+json for an unknown API path', async () => {
    await problem('/api/nothing-here', 404);
  });
});
