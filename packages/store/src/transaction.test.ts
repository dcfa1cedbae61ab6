import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import { hazard, school, store as shop } from './sample-features.ts';
import type { AtlasStore } from './store.ts';

let store: AtlasStore;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

const counts = async () => Object.fromEntries((await store.stats()).map((s) => [s.layer, s.count]));

/** A promise with its resolve exposed, to hold a transaction open mid-way. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('transactions', () => {
  it('commits every write of fn together and returns its result', async () => {
    const result = await store.transaction(async (tx) => {
      await tx.upsert('schools', [school]);
      await tx.upsert('stores', [shop]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await store.get('stores', shop.id)).toStrictEqual(shop);
  });

  it('rolls back every write when fn throws, leaving earlier data as it was', async () => {
    await store.upsert('hazards', [hazard]);
    const before = await counts();
    await expect(
      store.transaction(async (tx) => {
        await tx.upsert('schools', [school]);
        await tx.remove('hazards', [hazard.id]);
        expect(await tx.get('schools', school.id)).toStrictEqual(school); // sees its own write
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await counts()).toEqual(before);
    expect(await store.get('hazards', hazard.id)).toStrictEqual(hazard);
  });

  it('writes nothing of an upsert that fails in the database part-way', async () => {
    await store.upsert('stores', [shop]);
    const broken = { ...shop, id: 'broken', properties: { ...shop.properties, categories: null } };
    const batch = [{ ...shop, id: 'fine' }, broken as unknown as LayerFeature<'stores'>];
    await expect(store.upsert('stores', batch)).rejects.toThrow(/NOT NULL/i);
    expect(await store.get('stores', 'fine')).toBeNull();
    expect(await store.get('stores', shop.id)).toStrictEqual(shop);
  });

  it('hides uncommitted writes from concurrent readers and queues concurrent writers', async () => {
    const hold = gate();
    const order: string[] = [];
    const tx = store.transaction(async (t) => {
      await t.upsert('schools', [school]);
      await hold.opened;
      order.push('tx committed');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reads = await Promise.all(
      Array.from({ length: 12 }, () => store.get('schools', school.id)),
    );
    expect(reads.every((r) => r === null)).toBe(true);
    const write = store.upsert('stores', [shop]).then(() => order.push('write done'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    hold.open();
    await Promise.all([tx, write]);
    expect(order).toEqual(['tx committed', 'write done']);
    expect(await store.get('schools', school.id)).toStrictEqual(school);
  });

  it('runs calls made in parallel inside fn one after another on its connection', async () => {
    await store.transaction(async (tx) => {
      const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
      await Promise.all(ids.map((id) => tx.upsert('stores', [{ ...shop, id }])));
      const found = await Promise.all(ids.map((id) => tx.get('stores', id)));
      expect(found.map((f) => f?.id)).toEqual(ids);
    });
    expect((await counts()).stores).toBe(10);
  });

  it('scans inside a transaction, seeing its own writes, while writing between batches', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    await store.upsert(
      'stores',
      ids.map((id) => ({ ...shop, id })),
    );
    const seen: string[] = [];
    await store.transaction(async (tx) => {
      await tx.upsert('stores', [{ ...shop, id: 'zz-new' }]);
      for await (const batch of tx.scan('stores', 10)) {
        seen.push(...batch.map((f) => f.id));
        await tx.remove(
          'stores',
          batch.map((f) => f.id),
        );
      }
    });
    expect(seen).toEqual([...ids, 'zz-new']);
    expect((await counts()).stores).toBe(0);
  });

  it('refuses a write on the outer store from inside fn instead of deadlocking', async () => {
    await expect(
      store.transaction(async () => {
        await store.upsert('stores', [shop]);
      }),
    ).rejects.toThrow(/use the tx argument/);
    expect(await store.get('stores', shop.id)).toBeNull();
  });

  it('refuses use of a tx store after its transaction ended', async () => {
    let leaked: AtlasStore | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    expect(() => leaked!.get('stores', shop.id)).toThrow(/transaction already ended/);
  });
});
