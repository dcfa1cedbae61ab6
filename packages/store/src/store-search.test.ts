import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import { store as shop } from './sample-features.ts';
import type { StoreSearchQuery, StoreSearchToken } from './store-search.ts';
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

/** The search package's points (match.ts), repeated here so the store test stands alone. */
const POINTS: StoreSearchQuery['points'] = {
  name: { exact: 100, prefix: 90, within: 80 },
  address: { exact: 45, prefix: 42, within: 40 },
};

function shopNamed(
  id: string,
  name: string,
  address = '',
  adminCode = '420106001',
): LayerFeature<'stores'> {
  return {
    ...shop,
    id,
    geometry: { type: 'Point', coordinates: [114.3, 30.5] },
    properties: { ...shop.properties, name, address, adminCode },
  };
}

const token = (key: string, areas: StoreSearchToken['areas'] = []) => ({ key, areas });
async function find(keys: string[] | StoreSearchToken[], limit = 10) {
  const tokens = keys.map((k) => (typeof k === 'string' ? token(k) : k));
  return store.searchStores({ tokens, points: POINTS, limit });
}
const ids = async (keys: string[] | StoreSearchToken[], limit?: number) =>
  (await find(keys, limit)).map((h) => [h.id, h.points]);

describe('store search in DuckDB', () => {
  it('folds full-width letters and digits, case, spaces and punctuation as normalize() does', async () => {
    await store.upsert('stores', [
      shopNamed('s1', 'ＡＢＣ 超市（文昌·店）', '文昌路１２号'),
      shopNamed('s2', 'Ktv　欢乐城!', ''),
    ]);
    expect(await ids(['abc超市文昌店'])).toEqual([['s1', 100]]);
    expect(await ids(['ktv欢乐城'])).toEqual([['s2', 100]]);
    expect(await ids(['路12'])).toEqual([['s1', 40]]);
    const [hit] = await find(['abc']);
    expect(hit).toMatchObject({ name: 'ＡＢＣ 超市（文昌·店）', address: '文昌路１２号' });
    expect(hit!.position).toEqual([114.3, 30.5]);
  });

  it('scores exact over prefix over substring, name over address, and the weakest token wins', async () => {
    await store.upsert('stores', [
      shopNamed('s1', '烟酒店', '民主街1号'),
      shopNamed('s2', '烟酒店分店', '民主街2号'),
      shopNamed('s3', '老烟酒店', '民主街3号'),
      shopNamed('s4', '超市', '烟酒店对面'),
    ]);
    expect(await ids(['烟酒店'])).toEqual([
      ['s1', 100],
      ['s2', 90],
      ['s3', 80],
      ['s4', 42],
    ]);
    // Equal scores: the shorter name first.
    expect(await ids(['烟酒店', '民主街'])).toEqual([
      ['s1', 42],
      ['s3', 42],
      ['s2', 42],
    ]);
    expect(await ids(['烟酒店', '不在'])).toEqual([]);
  });

  it('breaks ties by shorter name, then pinyin order as localeCompare zh-CN, then id', async () => {
    const names = ['张记小卖部', '阿里小卖部', '王家小卖部', '北方小卖部', '中华小卖部', '小卖部'];
    await store.upsert('stores', [
      ...names.map((n, i) => shopNamed(`s${i}`, n)),
      shopNamed('s9', '张记小卖部'),
    ]);
    const hits = await find(['卖部']);
    const fiveChars = [...names.slice(0, 5), '张记小卖部'].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    expect(hits.map((h) => h.name)).toEqual(['小卖部', ...fiveChars]);
    expect(hits.filter((h) => h.name === '张记小卖部').map((h) => h.id)).toEqual(['s0', 's9']);
  });

  it('matches stores in an area a token names, with the points the caller gave that area', async () => {
    await store.upsert('stores', [
      shopNamed('s1', '便利店', '', '420106001'),
      shopNamed('s2', '便利店', '', '420106002'),
      shopNamed('s3', '老文昌便利店', '', '420106003'),
    ]);
    const wenchang = token('文昌', [{ code: '420106002', points: 32 }]);
    expect(await ids([wenchang])).toEqual([
      ['s3', 80],
      ['s2', 32],
    ]);
    expect(await ids([wenchang, token('便利')])).toEqual([
      ['s3', 80],
      ['s2', 32],
    ]);
  });

  it('returns at most limit stores and refuses an empty token or a bad limit', async () => {
    await store.upsert(
      'stores',
      [1, 2, 3, 4].map((i) => shopNamed(`s${i}`, `第${i}店`)),
    );
    expect(await find(['店'], 3)).toHaveLength(3);
    await expect(find([''])).rejects.toThrow(/none of them empty/);
    await expect(find(['店'], 0)).rejects.toThrow(/positive integer/);
  });

  it('follows every write: replaced names, removed stores, rolled-back transactions', async () => {
    await store.upsert('stores', [shopNamed('s1', '旧名字'), shopNamed('s2', '旧名字二')]);
    await store.upsert('stores', [shopNamed('s1', '新名字')]);
    expect(await ids(['名字'])).toEqual([
      ['s1', 80],
      ['s2', 80],
    ]);
    expect(await ids(['旧名'])).toEqual([['s2', 90]]);
    await store.remove('stores', ['s2']);
    expect(await ids(['名字'])).toEqual([['s1', 80]]);
    await expect(
      store.transaction(async (tx) => {
        await tx.upsert('stores', [shopNamed('s3', '回滚的名字')]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ids(['名字'])).toEqual([['s1', 80]]);
  });

  it('follows a staged import, replacing and removing by source', async () => {
    const source = shop.properties.provenance.source;
    await store.upsert('stores', [shopNamed('s1', '甲店'), shopNamed('s2', '乙店')]);
    const renamed = shopNamed('s1', '丙店');
    const row = (f: LayerFeature<'stores'>, n: number) => ({
      row: n,
      id: f.id,
      action: 'update' as const,
      how: 'key',
      key: f.id,
      place: null,
      feature: f,
    });
    await store.stageImport('stores', { exclusive: true }, async (s, commit) => {
      await s.append([row(renamed, 2)]);
      return commit!({ source, replace: true });
    });
    expect(await ids(['店'])).toEqual([['s1', 80]]);
    expect((await find(['丙']))[0]!.name).toBe('丙店');
  });

  it('is filled for stores written before the migration that made it', async () => {
    await store.upsert('stores', [shopNamed('s1', '迁移前的店', '解放路')]);
    await store.close();
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run('DROP TABLE store_search');
    await c.run('DELETE FROM schema_migrations WHERE version = 5');
    c.closeSync();
    instance.closeSync();
    store = await openStore(path);
    expect(await ids(['解放路'])).toEqual([['s1', 45]]);
  });
});
