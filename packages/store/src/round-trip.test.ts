import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYER_NAMES, LAYERS, type LayerName } from '@atlas/model';
import { openStore } from './open.ts';
import { SAMPLES, school, store as shop } from './sample-features.ts';
import type { AtlasStore } from './store.ts';

let store: AtlasStore;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('round trip', () => {
  it('uses sample features that are valid for their layer', () => {
    for (const layer of LAYER_NAMES) {
      for (const feature of SAMPLES[layer])
        expect(() => LAYERS[layer].feature.parse(feature)).not.toThrow();
    }
  });

  it.each(LAYER_NAMES)(
    'reads back every %s feature deep-equal to what was written',
    async (layer) => {
      const features = SAMPLES[layer as LayerName];
      expect(await store.upsert(layer, features)).toBe(features.length);
      for (const feature of features) {
        expect(await store.get(layer, feature.id)).toStrictEqual(feature);
      }
      const page = await store.query(layer, { limit: 100 });
      expect(page.features).toStrictEqual([...features].sort((a, b) => (a.id < b.id ? -1 : 1)));
    },
  );

  it('keeps awkward doubles byte-identical, in the geometry, the campus and the gates', async () => {
    await store.upsert('schools', [school]);
    const back = (await store.get('schools', school.id))!;
    expect(back.geometry.coordinates[0]).toBe(114.30000000000001);
    expect(back.geometry.coordinates[1]).toBe(30.5 + (0.1 + 0.2) / 100);
    expect(back.properties.campus).toStrictEqual(school.properties.campus);
    const gates = back.properties.gates as { position: [number, number] }[];
    expect(gates[1]!.position[0]).toBe(114.30000000000001);
  });

  it('returns null for an id that is not there', async () => {
    await store.upsert('stores', [shop]);
    expect(await store.get('stores', 'nope')).toBeNull();
    expect(await store.get('schools', shop.id)).toBeNull();
  });
});

describe('upsert and remove', () => {
  it('replaces a feature with the same id instead of adding a second', async () => {
    await store.upsert('stores', [shop]);
    const moved = {
      ...shop,
      geometry: { type: 'Point' as const, coordinates: [114.4, 30.6] as [number, number] },
      properties: { ...shop.properties, name: '新店名', categories: ['lottery' as const] },
    };
    expect(await store.upsert('stores', [moved])).toBe(1);
    expect(await store.get('stores', shop.id)).toStrictEqual(moved);
    const [stats] = (await store.stats()).filter((s) => s.layer === 'stores');
    expect(stats).toEqual({ layer: 'stores', count: 1, bounds: [114.4, 30.6, 114.4, 30.6] });
  });

  it('keeps the last of repeated ids within one upsert', async () => {
    const renamed = { ...shop, properties: { ...shop.properties, name: '后来的名字' } };
    expect(await store.upsert('stores', [shop, renamed])).toBe(1);
    expect((await store.get('stores', shop.id))?.properties.name).toBe('后来的名字');
  });

  it('removes by id and counts only ids that existed', async () => {
    await store.upsert('schools', SAMPLES.schools);
    expect(await store.remove('schools', [school.id, 'missing'])).toBe(1);
    expect(await store.get('schools', school.id)).toBeNull();
    expect(await store.get('schools', 'school-no-campus')).not.toBeNull();
    expect(await store.remove('schools', [])).toBe(0);
  });

  it('throws at once for a layer name it does not know', async () => {
    await expect(store.get('shops' as LayerName, 'x')).rejects.toThrow(/unknown layer "shops"/);
  });
});

describe('database facts', () => {
  it('keep a value per key, replace it, and answer null for an unknown key', async () => {
    const store = await openStore(':memory:');
    try {
      expect(await store.getMeta('demo')).toBeNull();
      await store.setMeta('demo', 'true');
      await store.setMeta('demo', 'false');
      expect(await store.getMeta('demo')).toBe('false');
    } finally {
      await store.close();
    }
  });
});
