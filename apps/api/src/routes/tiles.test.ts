import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { featureId } from '@atlas/model';
import { lngToX, latToY } from '@atlas/tiles';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let ctx: Ctx;

const [LNG, LAT] = [111.3, 30.8];
const Z = 15;
const tileOf = (lng: number, lat: number, z = Z) => ({
  z,
  x: Math.floor(lngToX(lng) * 2 ** z),
  y: Math.floor(latToY(lat) * 2 ** z),
});
const url = ({ z, x, y }: { z: number; x: number; y: number }, ext = 'mvt') =>
  `/tiles/${z}/${x}/${y}.${ext}`;
const HOME = tileOf(LNG, LAT);

beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('stores', [storeFeature(1, LNG, LAT), storeFeature(2, LNG + 0.0001, LAT)]);
  await ctx.store.upsert('schools', [schoolFeature('sch-1', LNG + 0.0005, LAT)]);
});
afterAll(() => ctx.close());

async function tile(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

async function problem(path: string) {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { detail: string; problems: { field: string }[] };
}

describe('GET /tiles/{z}/{x}/{y}.mvt', () => {
  it('serves a vector tile whose stores decode at their projected positions', async () => {
    const { res, body } = await tile(url(HOME));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const layer = decode(body).layers.stores!;
    expect(layer.extent).toBe(4096);
    expect(layer.version).toBe(2);
    // z15 store tiles name their stores by feature id only (the id property comes at z16).
    const fids = Array.from({ length: layer.length }, (_, i) => layer.feature(i).id);
    expect(fids.sort()).toEqual(['sto-0001', 'sto-0002'].map(featureId).sort());
    const f = layer.feature(0);
    const [[p]] = f.loadGeometry() as unknown as [[{ x: number; y: number }]];
    const [lng, lat] = f.id === featureId('sto-0001') ? [LNG, LAT] : [LNG + 0.0001, LAT];
    const scale = 2 ** Z * 4096;
    expect(Math.abs(p.x - (lngToX(lng) * scale - HOME.x * 4096))).toBeLessThanOrEqual(1);
    expect(Math.abs(p.y - (latToY(lat) * scale - HOME.y * 4096))).toBeLessThanOrEqual(1);
    expect(decode(body).layers.campuses!.feature(0).properties).toMatchObject({ id: 'sch-1' });
  });

  it('serves the same tile under .pbf', async () => {
    const [a, b] = await Promise.all([tile(url(HOME)), tile(url(HOME, 'pbf'))]);
    expect(b.res.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });

  it('gzips when the client asks, with its own ETag, and says so in Vary', async () => {
    const plain = await tile(url(HOME));
    const { res, body } = await tile(url(HOME), { 'accept-encoding': 'gzip, deflate' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('accept-encoding');
    expect(new Uint8Array(gunzipSync(body))).toEqual(plain.body);
    expect(res.headers.get('etag')).not.toBe(plain.res.headers.get('etag'));
    const refused = await tile(url(HOME), { 'accept-encoding': 'gzip;q=0' });
    expect(refused.res.headers.get('content-encoding')).toBeNull();
  });

  it('answers 304 to a matching If-None-Match and 200 to a stale one', async () => {
    const first = await tile(url(HOME));
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.res.headers.get('cache-control')).toContain('public');
    const again = await tile(url(HOME), { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect((await tile(url(HOME), { 'if-none-match': '"other"' })).res.status).toBe(200);
  });

  it('answers 204 with no body for a tile with no feature', async () => {
    const { res, body } = await tile('/tiles/3/0/0.mvt');
    expect(res.status).toBe(204);
    expect(body.byteLength).toBe(0);
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('serves a new tile after a store moves into it, and keeps other cached tiles', async () => {
    const far = tileOf(LNG + 0.05, LAT);
    const before = await tile(url(HOME));
    const farBefore = await tile(url(far));
    expect(farBefore.res.status).toBe(204);
    await ctx.store.upsert('stores', [storeFeature(3, LNG + 0.05, LAT)]);
    const farAfter = await tile(url(far));
    expect(farAfter.res.status).toBe(200);
    expect(decode(farAfter.body).layers.stores!.feature(0).id).toBe(featureId('sto-0003'));
    const after = await tile(url(HOME), { 'if-none-match': before.res.headers.get('etag')! });
    expect(after.res.status).toBe(304);
  });

  it.each([
    ['/tiles/23/0/0.mvt', 'z'],
    ['/tiles/-1/0/0.mvt', 'z'],
    ['/tiles/2/4/0.mvt', 'x'],
    ['/tiles/2/0/4.mvt', 'y'],
    ['/tiles/a/0/0.mvt', 'z'],
    ['/tiles/1/b/0.mvt', 'x'],
    ['/tiles/1/0/c.mvt', 'y'],
    ['/tiles/1/0/0.png', 'y'],
    ['/tiles/1.5/0/0.mvt', 'z'],
    ['/tiles/99999999999999/0/0.mvt', 'z'],
    ['/tiles/1/0', 'path'],
  ])('answers 400 problem+json for %s, naming %s', async (path, field) => {
    const body = await problem(path);
    expect(body.problems.map((p) => p.field)).toEqual([field]);
  });
});

describe('GET /tiles.json', () => {
  it('describes the tiles in TileJSON 3.0.0 with the data bounds and every layer', async () => {
    const res = await ctx.app.request('http://atlas.test:8080/tiles.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      tilejson: string;
      tiles: string[];
      bounds: number[];
      minzoom: number;
      maxzoom: number;
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(doc.tilejson).toBe('3.0.0');
    expect(doc.tiles).toEqual(['http://atlas.test:8080/tiles/{z}/{x}/{y}.mvt']);
    expect(doc.minzoom).toBe(0);
    expect(doc.maxzoom).toBeGreaterThanOrEqual(14);
    expect(doc.bounds[0]).toBeCloseTo(LNG + 0.0005 - 0.001, 6); // the campus edge
    const stores = doc.vector_layers.find((l) => l.id === 'stores')!;
    expect(stores.fields).toMatchObject({ name: 'String', categories: 'String', count: 'Number' });
    expect(doc.vector_layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(['schools', 'campuses', 'stores', 'hazards', 'water', 'roads']),
    );
  });
});
