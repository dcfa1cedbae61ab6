import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import { store as sample } from './sample-features.ts';
import type { AtlasStore } from './store.ts';
import { makeTempDir } from './test-helpers.ts';

// Stores as columns against the same stores as features, in a real DuckDB file: the demo
// district's 2,000 shops plus hand-made ones with a subtype and awkward doubles.

const DEMO = fileURLToPath(new URL('../../../data/demo/stores.geojson', import.meta.url));
const demo = (JSON.parse(readFileSync(DEMO, 'utf8')) as { features: LayerFeature<'stores'>[] })
  .features;
const CATEGORIES = ['internet_cafe', 'entertainment', 'lottery', 'tobacco', 'ecig', 'adult'];
const SUBTYPES = ['ktv', 'dance_hall', 'arcade', 'bar', 'other'];
const ktv: LayerFeature<'stores'> = {
  ...sample,
  id: 'store-ktv',
  geometry: { type: 'Point', coordinates: [114.30000000000001, 30.5 + (0.1 + 0.2) / 100] },
  properties: {
    ...sample.properties,
    categories: ['entertainment', 'liquor'],
    entertainmentSubtype: 'ktv',
    uncertaintyM: 12.25,
  },
};

let temp: ReturnType<typeof makeTempDir>;
let store: AtlasStore;
beforeEach(async () => {
  temp = makeTempDir();
  store = await openStore(join(temp.dir, 'atlas.duckdb'));
  await store.upsert('stores', [...demo, sample, ktv]);
});
afterEach(async () => {
  await store.close();
  temp.cleanup();
});

describe('auditStoreColumns', () => {
  it('reads exactly the features holding a wanted category, as columns in id order', async () => {
    const wanted = ['tobacco', 'internet_cafe', 'entertainment'];
    const cols = await store.auditStoreColumns({
      categories: CATEGORIES,
      holdingOneOf: wanted,
      subtypes: SUBTYPES,
    });
    const features: LayerFeature<'stores'>[] = [];
    for await (const batch of store.scan('stores')) features.push(...batch);
    const expected = features.filter((f) =>
      f.properties.categories.some((c) => wanted.includes(c)),
    );
    expect(expected.length).toBeGreaterThan(100); // not vacuous
    expect(cols.count).toBe(expected.length);
    expect(cols.ids).toEqual(expected.map((f) => f.id));
    expected.forEach((f, i) => {
      const p = f.properties;
      expect([cols.lng[i], cols.lat[i]]).toEqual(f.geometry.coordinates);
      const bits = CATEGORIES.flatMap((c, k) =>
        p.categories.includes(c as 'adult') ? [2 ** k] : [],
      );
      expect(cols.categoryMask[i]).toBe(bits.reduce((a, b) => a | b, 0));
      expect(cols.uncertaintyM[i]).toBe(p.uncertaintyM);
      const subtype = p.entertainmentSubtype;
      expect(cols.subtype[i]).toBe(subtype ? SUBTYPES.indexOf(subtype) + 1 : 0);
    });
    const k = cols.ids.indexOf('store-ktv');
    expect([cols.categoryMask[k], cols.subtype[k], cols.uncertaintyM[k]]).toEqual([2, 1, 12.25]);
  });

  it('gives no bit for a held category the caller did not list (liquor here)', async () => {
    const cols = await store.auditStoreColumns({ categories: CATEGORIES, subtypes: SUBTYPES });
    expect(cols.categoryMask[cols.ids.indexOf(sample.id)]).toBe(2 ** CATEGORIES.indexOf('tobacco'));
  });

  it('returns empty columns when no category is wanted', async () => {
    const cols = await store.auditStoreColumns({
      categories: CATEGORIES,
      holdingOneOf: [],
      subtypes: [],
    });
    expect([cols.count, cols.ids.length, cols.lng.length]).toEqual([0, 0, 0]);
  });

  it('refuses names that are not the model’s categories or subtypes, naming what it expected', async () => {
    await expect(
      store.auditStoreColumns({ categories: ["tobacco'; DROP TABLE stores; --"], subtypes: [] }),
    ).rejects.toThrow(/categories: expected one of internet_cafe/);
    await expect(
      store.auditStoreColumns({ categories: ['tobacco'], subtypes: ['disco'] }),
    ).rejects.toThrow(/subtypes: expected one of ktv/);
  });
});
