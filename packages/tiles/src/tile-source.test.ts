import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type AtlasStore } from '@atlas/store';
import { featureId, type Position } from '@atlas/model';
import { latToY, lngToX } from './mercator.ts';
import type { TileCoord } from './tile-coord.ts';
import { createTileSource, type TileSource } from './tile-source.ts';
import { decode, store as shop } from './test-features.ts';

const HOME: Position = [111.3, 30.8];
const FAR: Position = [111.5, 30.8];
const tileAt = ([lng, lat]: Position, z: number): TileCoord => ({
  z,
  x: Math.floor(lngToX(lng) * 2 ** z),
  y: Math.floor(latToY(lat) * 2 ** z),
});
const ZOOMS = [6, 9, 12, 14, 16];

let db: AtlasStore;
let source: TileSource;
beforeEach(async () => {
  db = await openStore(':memory:');
  await db.upsert('stores', [shop(1, HOME), shop(2, FAR)]);
  source = createTileSource(db);
  await source.ready;
});
afterEach(async () => {
  source.close();
  await db.close();
});

const storeIds = (body: Uint8Array | null) => {
  const layer = decode(body).layers.stores!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
};
/** The feature ids of the stores a tile draws (z14–15 tiles carry no id property). */
const storeFids = (body: Uint8Array | null) => {
  const layer = decode(body).layers.stores!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).id);
};

describe('TileSource', () => {
  it('answers cached() synchronously only with a tile already cut, and none after an edit', async () => {
    const t = tileAt(HOME, 14);
    expect(source.cached(t)).toBeUndefined();
    const cut = await source.tile(t);
    expect(source.cached(t)).toBe(cut);
    expect(source.cached({ z: 1, x: 5, y: 0 })).toBeUndefined(); // not a tile: no throw
    await db.upsert('stores', [shop(4, HOME)]);
    expect(source.cached(t)).toBeUndefined();
  });

  it('waits for a new source to load before cached() answers', async () => {
    const fresh = createTileSource(db);
    const t = tileAt(HOME, 16);
    expect(fresh.cached(t)).toBeUndefined();
    const cut = await fresh.tile(t);
    expect(fresh.cached(t)).toBe(cut);
    fresh.close();
  });

  it('serves every store loaded from the store at z16', async () => {
    const t = await source.tile(tileAt(HOME, 16));
    expect(storeIds(t.body).map((p) => p.id)).toEqual(['sto-1']);
  });

  it('loads a layer stored out of id order whole, each feature in its tile', async () => {
    const spots: Position[] = [HOME, FAR, [111.4, 30.7]];
    const ids = [9, 3, 7, 1, 5]; // written in this order: the table is out of id order
    await db.upsert(
      'stores',
      ids.map((n, i) => shop(n, spots[i % spots.length]!)),
    );
    const fresh = createTileSource(db);
    await fresh.ready;
    for (const [i, n] of ids.entries()) {
      const at = await fresh.tile(tileAt(spots[i % spots.length]!, 16));
      expect(storeIds(at.body).map((p) => p.id)).toContain(`sto-${n}`);
    }
    fresh.close();
  });

  it('re-cuts the tiles covering an upserted store at every zoom and keeps the others cached', async () => {
    const home = ZOOMS.map((z) => tileAt(HOME, z));
    const far = [14, 16].map((z) => tileAt(FAR, z));
    const before = await Promise.all([...home, ...far].map((t) => source.tile(t)));
    await db.upsert('stores', [shop(3, [HOME[0] + 0.00001, HOME[1]])]);
    for (const [i, t] of home.entries()) {
      const after = await source.tile(t);
      expect(after).not.toBe(before[i]); // cut again
      expect(after.etag).not.toBe(before[i]!.etag);
    }
    for (const [i, t] of far.entries()) {
      expect(await source.tile(t)).toBe(before[home.length + i]); // still the cached one
    }
    const z14 = storeFids((await source.tile(tileAt(HOME, 14))).body);
    expect(z14.sort()).toEqual(['sto-1', 'sto-3'].map(featureId).sort());
    const z12 = storeIds((await source.tile(tileAt(HOME, 12))).body);
    expect(z12.reduce((n, p) => n + (p.count as number), 0)).toBe(2);
  });

  it('drops a removed store and a moved store from its old tiles', async () => {
    const t = tileAt(HOME, 16);
    await source.tile(t);
    await db.upsert('stores', [shop(1, FAR)]);
    expect((await source.tile(t)).body).toBeNull();
    expect(
      storeIds((await source.tile(tileAt(FAR, 16))).body)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['sto-1', 'sto-2']);
    await db.remove('stores', ['sto-2']);
    expect(storeIds((await source.tile(tileAt(FAR, 16))).body).map((p) => p.id)).toEqual(['sto-1']);
  });

  it('applies a commit made while it was still loading', async () => {
    const late = createTileSource(db);
    await db.upsert('stores', [shop(4, HOME)]);
    await late.ready;
    const ids = storeIds((await late.tile(tileAt(HOME, 16))).body).map((p) => p.id);
    expect(ids.sort()).toEqual(['sto-1', 'sto-4']);
    late.close();
  });

  it('refuses a tile address outside the zoom or the grid', async () => {
    await expect(source.tile({ z: 23, x: 0, y: 0 })).rejects.toThrow('z in 0–22');
    await expect(source.tile({ z: 2, x: 4, y: 0 })).rejects.toThrow('0..2^z−1');
  });
});
