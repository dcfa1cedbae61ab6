import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import { store as shop } from './sample-features.ts';
import { idBefore, type ScanOrder } from './scan.ts';
import type { AtlasStore } from './store.ts';

// The scan streams a table stored in id order as stored, and sorts one that is not; the
// caller sees id order either way.

const shopWith = (id: string, name = id): LayerFeature<'stores'> => ({
  ...shop,
  id,
  properties: { ...shop.properties, name },
});

async function scannedIds(
  db: AtlasStore,
  batchSize = 3,
  order: ScanOrder = 'id',
): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of db.scan('stores', batchSize, { order }))
    ids.push(...batch.map((f) => f.id));
  return ids;
}

describe('scan order', () => {
  let db: AtlasStore;
  beforeEach(async () => {
    db = await openStore(':memory:');
  });
  afterEach(async () => {
    await db.close();
  });

  it('yields a table written in id order in that order', async () => {
    const ids = ['s01', 's02', 's03', 's04', 's05', 's06', 's07'];
    await db.upsert(
      'stores',
      ids.map((id) => shopWith(id)),
    );
    expect(await scannedIds(db)).toEqual(ids);
  });

  it('sorts a table written out of id order, edits included', async () => {
    await db.upsert(
      'stores',
      ['s05', 's01', 's09', 's03'].map((id) => shopWith(id)),
    );
    await db.upsert('stores', [shopWith('s01', 'renamed'), shopWith('s00')]);
    expect(await scannedIds(db)).toEqual(['s00', 's01', 's03', 's05', 's09']);
    const names = [];
    for await (const batch of db.scan('stores')) names.push(...batch.map((f) => f.properties.name));
    expect(names[1]).toBe('renamed');
  });

  it("yields every row once in the table's own order when asked for stored order", async () => {
    await db.upsert(
      'stores',
      ['s05', 's01', 's09', 's03'].map((id) => shopWith(id)),
    );
    const ids = await scannedIds(db, 3, 'stored');
    expect(ids).not.toEqual([...ids].sort()); // not sorted: as written
    expect([...ids].sort()).toEqual(['s01', 's03', 's05', 's09']);
  });

  it('leaves the connection usable after a scan the consumer stopped', async () => {
    await db.upsert(
      'stores',
      ['a', 'b', 'c', 'd'].map((id) => shopWith(id)),
    );
    for await (const _ of db.scan('stores', 1)) break;
    await db.upsert('stores', [shopWith('e')]);
    expect(await scannedIds(db)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('idBefore', () => {
  it('orders ids by code point as DuckDB does, not by UTF-16 unit', () => {
    expect(idBefore('a', 'b')).toBe(true);
    expect(idBefore('ab', 'a')).toBe(false);
    expect(idBefore('a', 'ab')).toBe(true);
    expect(idBefore('x', 'x')).toBe(false);
    // U+FF21 (fullwidth A) comes before U+1F600 (a surrogate pair) in code point order.
    expect(idBefore('\uff21', '\u{1f600}')).toBe(true);
    expect(idBefore('\u{1f600}', '\uff21')).toBe(false);
    expect(idBefore('学校', '\u{1f600}')).toBe(true);
  });
});
