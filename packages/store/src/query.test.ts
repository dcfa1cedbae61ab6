import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bbox, LayerFeature, Polygon } from '@atlas/model';
import { InvalidCursorError } from './errors.ts';
import { openStore } from './open.ts';
import { school, store as shop } from './sample-features.ts';
import type { LayerPage } from './read.ts';
import type { AtlasStore } from './store.ts';
import { seededRandom } from './test-helpers.ts';

// Random schools (a point, half of them with a campus reaching well beyond it) and stores
// in a 0.2° square; queries are checked against a brute-force scan of what was written.

const RANDOM_SEED = 20260315;
const SCHOOLS_N = 300;
const STORES_N = 700;
const AREA: Bbox = [114.2, 30.4, 114.4, 30.6];
const CAMPUS_SPAN_DEG_MAX = 0.02;
const QUERIES_N = 60;

const random = seededRandom(RANDOM_SEED);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const pad = (i: number) => String(i).padStart(5, '0');

function randomCampus(lng: number, lat: number): Polygon {
  const w = lng - random() * CAMPUS_SPAN_DEG_MAX;
  const e = lng + random() * CAMPUS_SPAN_DEG_MAX;
  const s = lat - random() * CAMPUS_SPAN_DEG_MAX;
  const n = lat + random() * CAMPUS_SPAN_DEG_MAX;
  const ring: [number, number][] = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

const schools: LayerFeature<'schools'>[] = Array.from({ length: SCHOOLS_N }, (_, i) => {
  const lng = between(AREA[0], AREA[2]);
  const lat = between(AREA[1], AREA[3]);
  const campus = random() < 0.5 ? randomCampus(lng, lat) : null;
  const properties = { ...school.properties, code: `42010${pad(i)}`, campus, gates: [] };
  return {
    ...school,
    id: `s${pad(i)}`,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties,
  };
});
const stores: LayerFeature<'stores'>[] = Array.from({ length: STORES_N }, (_, i) => ({
  ...shop,
  id: `t${pad(i)}`,
  geometry: { type: 'Point', coordinates: [between(AREA[0], AREA[2]), between(AREA[1], AREA[3])] },
}));

/** The feature's own extent, computed here independently of the store. */
function extent(f: LayerFeature<'schools'> | LayerFeature<'stores'>): Bbox {
  const points = [f.geometry.coordinates];
  const campus = (f.properties as { campus?: Polygon | null }).campus;
  if (campus) points.push(...campus.coordinates.flat());
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

function intersects(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

async function allIds(layer: 'schools' | 'stores', bbox: Bbox | undefined, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: LayerPage<typeof layer> = await db.query(layer, { bbox, limit, cursor });
    expect(page.features.length).toBeLessThanOrEqual(limit);
    ids.push(...page.features.map((f) => f.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

let db: AtlasStore;
beforeAll(async () => {
  db = await openStore(':memory:');
  await db.upsert('schools', schools);
  await db.upsert('stores', stores);
});
afterAll(async () => {
  await db.close();
});

describe('bbox query', () => {
  it('finds exactly the features whose extent intersects the bbox, campus included', async () => {
    for (let q = 0; q < QUERIES_N; q++) {
      const byValue = (a: number, b: number) => a - b;
      const [x1, x2] = [between(AREA[0], AREA[2]), between(AREA[0], AREA[2])].sort(byValue);
      const [y1, y2] = [between(AREA[1], AREA[3]), between(AREA[1], AREA[3])].sort(byValue);
      const bbox: Bbox = [x1!, y1!, x2!, y2!];
      for (const [layer, features] of [
        ['schools', schools],
        ['stores', stores],
      ] as const) {
        const expected = features.filter((f) => intersects(extent(f), bbox)).map((f) => f.id);
        expect(await allIds(layer, bbox, 50)).toEqual(expected.sort());
      }
    }
  });

  it('finds a school by its campus when the bbox misses the school point', async () => {
    const withCampus = schools.find((f) => f.properties.campus)!;
    const [w, s, e] = extent(withCampus);
    const [lng, lat] = withCampus.geometry.coordinates;
    // A flat box along the campus's south edge, east of the school point.
    const eastOfPoint: Bbox = [lng + (e - lng) / 2, s, e, s];
    expect(w).toBeLessThan(eastOfPoint[0]);
    expect(lat).toBeGreaterThan(s);
    const ids = await allIds('schools', eastOfPoint, 1000);
    expect(ids).toContain(withCampus.id);
  });

  it('counts a bbox touching a point exactly on its edge as intersecting', async () => {
    const [lng, lat] = stores[0]!.geometry.coordinates;
    expect(await allIds('stores', [lng, lat, lng + 1e-3, lat + 1e-3], 1000)).toContain(
      stores[0]!.id,
    );
  });

  it('rejects a bbox with west east of east, naming the expected shape', async () => {
    await expect(db.query('stores', { bbox: [114.3, 30, 114.2, 31], limit: 5 })).rejects.toThrow(
      /west <= east/,
    );
  });
});

describe('paging', () => {
  it('yields every id exactly once, in id order, across all pages', async () => {
    const ids = await allIds('stores', undefined, 37);
    expect(ids).toEqual(stores.map((f) => f.id).sort());
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const page = await db.query('schools', { limit: SCHOOLS_N });
    expect(page.features).toHaveLength(SCHOOLS_N);
    expect(page.nextCursor).toBeNull();
  });

  it('rejects a cursor it did not hand out and a limit that is not a positive integer', async () => {
    await expect(db.query('stores', { limit: 5, cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(db.query('stores', { limit: 0 })).rejects.toThrow(/positive integer/);
    await expect(db.query('stores', { limit: 2.5 })).rejects.toThrow(/positive integer/);
  });
});

describe('scan and stats', () => {
  it('streams a whole layer in id order, in full batches but the last', async () => {
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const batch of db.scan('stores', 128)) {
      sizes.push(batch.length);
      ids.push(...batch.map((f) => f.id));
    }
    expect(ids).toEqual(stores.map((f) => f.id).sort());
    expect(sizes.slice(0, -1).every((n) => n === 128)).toBe(true);
    expect(sizes.at(-1)).toBe(STORES_N % 128);
  });

  it('yields nothing for an empty layer and stops cleanly when the consumer breaks', async () => {
    for await (const _ of db.scan('roads')) expect.unreachable();
    let batches = 0;
    for await (const _ of db.scan('schools', 10)) if (++batches === 2) break;
    expect(batches).toBe(2);
    await expect(async () => {
      for await (const _ of db.scan('schools', 0)) expect.unreachable();
    }).rejects.toThrow(/positive integer/);
  });

  it('reports every layer with its count and bounds, null bounds when empty', async () => {
    const stats = await db.stats();
    expect(stats.map((s) => s.layer)).toEqual([
      'admin_areas',
      'water',
      'roads',
      'pipelines',
      'routes',
      'hazards',
      'schools',
      'stores',
    ]);
    const boxes = schools.map(extent);
    const union: Bbox = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    expect(stats.find((s) => s.layer === 'schools')).toEqual({
      layer: 'schools',
      count: SCHOOLS_N,
      bounds: union,
    });
    expect(stats.find((s) => s.layer === 'roads')).toEqual({
      layer: 'roads',
      count: 0,
      bounds: null,
    });
  });
});
