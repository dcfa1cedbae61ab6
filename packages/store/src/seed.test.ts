import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYER_NAMES, type LayerName } from '@atlas/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open.ts';
import { SAMPLES, school, store as shop } from './sample-features.ts';
import { SeedError, seedFromDirectory } from './seed.ts';
import type { AtlasStore } from './store.ts';
import { makeTempDir } from './test-helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: AtlasStore;
beforeEach(async () => {
  temp = makeTempDir();
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
  temp.cleanup();
});

function writeLayer(layer: LayerName, features: unknown[]) {
  const collection = { type: 'FeatureCollection', features };
  writeFileSync(join(temp.dir, `${layer}.geojson`), JSON.stringify(collection));
}

const total = async () => (await store.stats()).reduce((sum, s) => sum + s.count, 0);

describe('seedFromDirectory', () => {
  it('loads every layer file present and counts zero for the absent ones', async () => {
    writeLayer('schools', SAMPLES.schools);
    writeLayer('water', SAMPLES.water);
    const counts = await seedFromDirectory(store, temp.dir);
    const expected = Object.fromEntries(LAYER_NAMES.map((l) => [l, 0]));
    expect(counts).toEqual({ ...expected, schools: 2, water: 2 });
    expect(await store.get('schools', school.id)).toStrictEqual(school);
  });

  it('writes nothing when one feature is invalid, naming file, index and field', async () => {
    writeLayer('schools', SAMPLES.schools);
    const swapped = {
      ...shop,
      id: 'swapped',
      geometry: { type: 'Point', coordinates: [30.5, 114.3] },
    };
    writeLayer('stores', [shop, swapped]);
    const seeding = seedFromDirectory(store, temp.dir);
    await expect(seeding).rejects.toBeInstanceOf(SeedError);
    await expect(seeding).rejects.toThrow(
      /stores\.geojson features\[1\] geometry\.coordinates\.1: /,
    );
    expect(await total()).toBe(0);
  });

  it('lists every problem with its index and field path', async () => {
    const badCode = { ...school, properties: { ...school.properties, code: '42' } };
    const badCategory = { ...shop, properties: { ...shop.properties, categories: ['casino'] } };
    writeLayer('schools', [badCode]);
    writeLayer('stores', [shop, shop, badCategory]);
    const error = await seedFromDirectory(store, temp.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    const problems = (error as SeedError).problems.map(({ reason: _, ...where }) => where);
    expect(problems).toEqual([
      { file: 'schools.geojson', featureIndex: 0, field: 'properties.code' },
      { file: 'stores.geojson', featureIndex: 1, field: 'id' },
      { file: 'stores.geojson', featureIndex: 2, field: 'properties.categories.0' },
    ]);
  });

  it('names a file that is not a FeatureCollection or not JSON', async () => {
    writeFileSync(join(temp.dir, 'roads.geojson'), '{"type":"Feature"}');
    writeFileSync(join(temp.dir, 'routes.geojson'), '{not json');
    const error = (await seedFromDirectory(store, temp.dir).catch((e: unknown) => e)) as SeedError;
    expect(error.message).toMatch(/roads\.geojson: not a FeatureCollection/);
    expect(error.message).toMatch(/routes\.geojson: .*JSON/);
  });
});
