import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bbox } from '@atlas/model';
import { openStore } from './open.ts';
import { school, store as shop } from './sample-features.ts';
import type { StoreChange } from './changes.ts';
import type { AtlasStore } from './store.ts';

let store: AtlasStore;
let seen: StoreChange[];
beforeEach(async () => {
  store = await openStore(':memory:');
  seen = [];
  store.onChange((change) => seen.push(change));
});
afterEach(async () => {
  await store.close();
});

const [lng, lat] = shop.geometry.coordinates;
const pointBox = (x: number, y: number): Bbox => [x, y, x, y];
const moved = {
  ...shop,
  geometry: { type: 'Point' as const, coordinates: [lng + 0.01, lat] as [number, number] },
};

describe('change notification', () => {
  it('tells an upsert of new features with their new extents, before the write resolves', async () => {
    let seenBeforeResolve = 0;
    await store.upsert('stores', [shop]).then(() => (seenBeforeResolve = seen.length));
    expect(seenBeforeResolve).toBe(1);
    expect(seen[0]!.changes).toEqual([
      { layer: 'stores', upserted: [shop], removed: [], bboxes: [pointBox(lng, lat)] },
    ]);
  });

  it('tells a replacement with both the old and the new extent', async () => {
    await store.upsert('stores', [shop]);
    await store.upsert('stores', [moved]);
    expect(seen[1]!.changes[0]!.bboxes).toEqual([pointBox(lng, lat), pointBox(lng + 0.01, lat)]);
  });

  it('gives a school extent covering its campus, not only its point', async () => {
    await store.upsert('schools', [school]);
    const [w, s, e, n] = seen[0]!.changes[0]!.bboxes[0]!;
    expect(e - w).toBeGreaterThan(0.001);
    expect(n - s).toBeGreaterThan(0.001);
  });

  it('tells a remove with the ids that existed and their old extents', async () => {
    await store.upsert('stores', [shop]);
    await store.remove('stores', [shop.id, 'no-such-id']);
    expect(seen[1]!.changes).toEqual([
      { layer: 'stores', upserted: [], removed: [shop.id], bboxes: [pointBox(lng, lat)] },
    ]);
  });

  it('tells nothing for writes that change nothing', async () => {
    await store.upsert('stores', []);
    await store.remove('stores', ['no-such-id']);
    expect(seen).toEqual([]);
  });

  it('tells a transaction once, after it commits, with every change in order', async () => {
    await store.transaction(async (tx) => {
      await tx.upsert('schools', [school]);
      await tx.transaction((inner) => inner.upsert('stores', [shop]));
      expect(seen).toEqual([]);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.changes.map((c) => c.layer)).toEqual(['schools', 'stores']);
  });

  it('tells nothing of a transaction that rolls back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.upsert('stores', [shop]);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(seen).toEqual([]);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const other: StoreChange[] = [];
    const stop = store.onChange((c) => other.push(c));
    await store.upsert('stores', [shop]);
    stop();
    await store.upsert('stores', [moved]);
    expect(other).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('refuses a listener on a tx store, naming the store to use', async () => {
    await store.transaction(async (tx) => {
      expect(() => tx.onChange(() => undefined)).toThrow('store from openStore()');
    });
  });
});

describe('a transaction nobody listens to', () => {
  it('reports nothing of a commit made before anyone listened, and every later commit', async () => {
    const store = await openStore(':memory:');
    try {
      await store.transaction(async (tx) => {
        await tx.upsert('stores', [shop]);
      });
      const heard: string[] = [];
      store.onChange((e) => heard.push(...e.changes.map((c) => c.layer)));
      await store.transaction(async (tx) => {
        await tx.upsert('schools', [school]);
      });
      expect(heard).toEqual(['schools']);
    } finally {
      await store.close();
    }
  });
});

describe('audit run notification', () => {
  const run = {
    profileId: 'hubei',
    profile: { id: 'hubei' },
    startedAt: '2026-11-23T08:00:00+08:00',
    finishedAt: '2026-11-23T08:00:01+08:00',
    filter: {},
    summary: {},
  };
  const finding = {
    id: 'sch-1/store/sto-1/tobacco',
    schoolId: 'sch-1',
    targetKind: 'store',
    targetId: 'sto-1',
    category: 'tobacco',
    status: 'violation',
    distanceM: 10,
    rules: [{ ruleId: 'hb.tobacco.50m', status: 'violation' }],
  };

  it('tells a saved run with its id and counts, its findings already readable', async () => {
    const heard: { id: number; total: number }[] = [];
    let read: Promise<number> | null = null;
    store.onAuditRun((saved) => {
      heard.push({ id: saved.id, total: saved.counts.total });
      read = store.queryFindings(saved.id, { limit: 10 }).then((p) => p.findings.length);
    });
    const saved = await store.saveAuditRun(run, [{ finding, township: null }]);
    expect(heard).toEqual([{ id: saved.id, total: 1 }]);
    expect(await read).toBe(1);
    expect(seen).toEqual([]); // layer listeners hear nothing of a run
  });

  it('tells a run saved in a transaction only once it commits, and nothing on rollback', async () => {
    const heard: number[] = [];
    store.onAuditRun((saved) => heard.push(saved.id));
    const id = await store.transaction(async (tx) => {
      const saved = await tx.saveAuditRun(run, []);
      expect(heard).toEqual([]);
      return saved.id;
    });
    expect(heard).toEqual([id]);
    await expect(
      store.transaction(async (tx) => {
        await tx.saveAuditRun(run, []);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(heard).toEqual([id]);
  });

  it('stops telling a run listener that unsubscribed, and refuses one on a tx store', async () => {
    const heard: number[] = [];
    const stop = store.onAuditRun((saved) => heard.push(saved.id));
    await store.saveAuditRun(run, []);
    stop();
    await store.saveAuditRun(run, []);
    expect(heard).toHaveLength(1);
    await store.transaction(async (tx) => {
      expect(() => tx.onAuditRun(() => undefined)).toThrow('store from openStore()');
    });
  });
});
