import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { BULK_CHUNK_FEATURES, type StoreChange } from './changes.ts';
import { openStore } from './open.ts';
import { store as shop } from './sample-features.ts';
import { STAGING_PREFIX, type StagedRecord } from './staging.ts';
import type { AtlasStore } from './store.ts';
import { makeTempDir } from './test-helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: AtlasStore;
let path: string;
beforeEach(async () => {
  temp = makeTempDir();
  path = join(temp.dir, 'atlas.duckdb');
  store = await openStore(path);
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  temp.cleanup();
});

const SOURCE = '市场监管局 登记';
function shopAt(i: number, source = SOURCE): LayerFeature<'stores'> {
  return {
    ...shop,
    id: `sto-${i}`,
    geometry: { type: 'Point', coordinates: [114.3 + i / 1e4, 30.5] },
    properties: {
      ...shop.properties,
      name: `店 ${i}`,
      provenance: { ...shop.properties.provenance, source },
    },
  };
}
function staged(f: LayerFeature<'stores'>, action: StagedRecord['action'], row: number) {
  return {
    row,
    id: f.id,
    action,
    how: 'key',
    key: f.id,
    place: null,
    feature: action === 'unchanged' ? null : f,
  };
}
const ids = async () => (await store.query('stores', { limit: 1000 })).features.map((f) => f.id);
async function stagingTables(file: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  try {
    const sql = `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '${STAGING_PREFIX}')`;
    return (await c.runAndReadAll(sql)).getRowsJS().map((r) => String(r[0]));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe('staged imports', () => {
  it('adds and updates in one commit, keeping unchanged rows and other sources as they were', async () => {
    await store.upsert('stores', [shopAt(1), shopAt(2), shopAt(3, 'other')]);
    const renamed = shopAt(2);
    renamed.properties.name = '改名';
    const done = await store.stageImport('stores', { exclusive: true }, async (s, commit) => {
      await s.append([staged(shopAt(1), 'unchanged', 2), staged(renamed, 'update', 3)]);
      await s.append([staged(shopAt(4), 'add', 4)]);
      return commit!({ source: SOURCE, replace: false });
    });
    expect(done).toEqual({ written: 2, removed: 0 });
    expect(await ids()).toEqual(['sto-1', 'sto-2', 'sto-3', 'sto-4']);
    expect((await store.get('stores', 'sto-2'))!.properties.name).toBe('改名');
    await store.close();
    expect(await stagingTables(path)).toEqual([]); // dropped when fn ended
  });

  it('with replace, deletes exactly the features of the source that the staging lacks', async () => {
    await store.upsert('stores', [shopAt(1), shopAt(2), shopAt(3), shopAt(4, 'other')]);
    const result = await store.stageImport('stores', { exclusive: true }, async (s, commit) => {
      await s.append([staged(shopAt(1), 'unchanged', 2), staged(shopAt(5), 'add', 3)]);
      const missing = await s.removedFromSource(SOURCE, 10);
      return { missing, done: await commit!({ source: SOURCE, replace: true }) };
    });
    expect(result.missing).toEqual({ count: 2, ids: ['sto-2', 'sto-3'] });
    expect(result.done).toEqual({ written: 1, removed: 2 });
    expect(await ids()).toEqual(['sto-1', 'sto-4', 'sto-5']);
  });

  it('leaves the layer unchanged when the commit fails mid-way (the insert after the delete)', async () => {
    await store.upsert('stores', [shopAt(1), shopAt(2)]);
    const broken = shopAt(2);
    (broken.properties as { categories: unknown }).categories = null; // NOT NULL in the table
    await expect(
      store.stageImport('stores', { exclusive: true }, async (s, commit) => {
        await s.append([staged(shopAt(1), 'update', 2), staged(broken, 'update', 3)]);
        return commit!({ source: SOURCE, replace: true });
      }),
    ).rejects.toThrow(/NOT NULL/i);
    expect(await store.get('stores', 'sto-1')).toStrictEqual(shopAt(1));
    expect(await store.get('stores', 'sto-2')).toStrictEqual(shopAt(2));
    await store.close();
    expect(await stagingTables(path)).toEqual([]);
  });

  it('tells summary listeners once and the others feature by feature in chunks', async () => {
    const n = BULK_CHUNK_FEATURES + 10;
    await store.upsert('stores', [shopAt(0)]);
    const summaries: StoreChange[] = [];
    const chunks: StoreChange[] = [];
    store.onChange((c) => summaries.push(c), { bulk: true });
    store.onChange((c) => chunks.push(c));
    await store.stageImport('stores', { exclusive: true }, async (s, commit) => {
      const moved = shopAt(0);
      moved.geometry = { type: 'Point', coordinates: [115, 31] };
      const rows = [staged(moved, 'update', 1)];
      for (let i = 1; i < n; i++) rows.push(staged(shopAt(i), 'add', i + 1));
      await s.append(rows);
      await commit!({ source: SOURCE, replace: false });
    });
    expect(summaries).toHaveLength(1);
    const [summary] = summaries[0]!.changes;
    expect(summary).toMatchObject({
      layer: 'stores',
      upserted: [],
      removed: [],
      bulk: { written: n, removed: 0 },
    });
    expect(summary!.bboxes).toEqual([[114.3, 30.5, 115, 31]]); // old and new extents
    const upserted = chunks.flatMap((c) => c.changes.flatMap((ch) => ch.upserted));
    expect(upserted).toHaveLength(n);
    expect(Math.max(...chunks.map((c) => c.changes[0]!.upserted.length))).toBe(BULK_CHUNK_FEATURES);
    expect(chunks.flatMap((c) => c.changes.flatMap((ch) => ch.bboxes))).toContainEqual([
      114.3, 30.5, 114.3, 30.5,
    ]);
  });

  it('finds later rows that repeat an earlier row’s key or id', async () => {
    const dups = await store.stageImport('stores', { exclusive: false }, async (s, commit) => {
      expect(commit).toBeNull(); // a preview cannot commit
      await s.append([
        { ...staged(shopAt(1), 'add', 2), key: 'K1' },
        { ...staged(shopAt(2), 'add', 3), key: 'K2' },
        { ...staged(shopAt(1), 'add', 4), key: 'K1' },
        { ...staged(shopAt(2), null, 5), key: 'K9' },
      ]);
      return s.duplicates(10);
    });
    expect(dups.total).toBe(2);
    expect(dups.byAction).toEqual({ add: 1, update: 0, unchanged: 0 });
    expect(dups.rows).toEqual([
      { row: 4, id: 'sto-1', key: 'K1', how: 'key', firstRow: 2, byKey: true },
      { row: 5, id: 'sto-2', key: 'K9', how: 'key', firstRow: 3, byKey: false },
    ]);
  });

  it('leaves the layer as it was and no staging table behind when the import is killed', async () => {
    await store.upsert('stores', [shopAt(1)]);
    await store.close();
    const script = `(async () => {
  const { openStore } = await import('@atlas/store');
  const store = await openStore(${JSON.stringify(path)});
  await store.stageImport('stores', { exclusive: true }, async (s) => {
    await s.append([{ row: 2, id: 'sto-9', action: 'add', how: 'key', key: null, place: null,
      feature: ${JSON.stringify(shopAt(9))} }]);
    process.kill(process.pid, 'SIGKILL');
  });
})();`;
    const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
    let killed: unknown = null;
    try {
      execFileSync(tsx, ['--eval', script], { cwd: import.meta.dirname, stdio: 'pipe' });
    } catch (error) {
      // tsx runs the script in a child node: its death by SIGKILL comes back as 128 + 9
      const { signal, status } = error as { signal: string | null; status: number | null };
      killed = signal ?? status;
    }
    expect(killed).toBeOneOf(['SIGKILL', 128 + 9]);
    expect(await stagingTables(path)).toEqual([]);
    store = await openStore(path);
    expect(await ids()).toEqual(['sto-1']);
  });

  it('drops at open any real table named like a staging table, as a crash might leave', async () => {
    await store.close();
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run(`CREATE TABLE ${STAGING_PREFIX}left (id VARCHAR)`);
    c.closeSync();
    instance.closeSync();
    expect(await stagingTables(path)).toEqual([`${STAGING_PREFIX}left`]);
    store = await openStore(path);
    await store.close();
    expect(await stagingTables(path)).toEqual([]);
  });
});

describe('import jobs', () => {
  it('keeps jobs across a reopen, newest first', async () => {
    const job = (id: string, createdAt: string) => ({
      id,
      layer: 'stores',
      fileName: '商户.csv',
      status: 'previewed',
      createdAt,
      updatedAt: createdAt,
      dir: '/tmp/x',
      details: { counts: { rows: 3 } },
    });
    await store.saveImportJob(job('a', '2026-11-23T08:00:00Z'));
    await store.saveImportJob(job('b', '2026-11-23T09:00:00Z'));
    await store.saveImportJob({
      ...job('a', '2026-11-23T08:00:00Z'),
      status: 'committed',
      dir: null,
    });
    await store.close();
    store = await openStore(path);
    expect((await store.listImportJobs(10)).map((j) => [j.id, j.status])).toEqual([
      ['b', 'previewed'],
      ['a', 'committed'],
    ]);
    expect(await store.getImportJob('a')).toMatchObject({
      dir: null,
      details: { counts: { rows: 3 } },
    });
    expect(await store.getImportJob('nope')).toBeNull();
  });
});
