import { describe, expect, it } from 'vitest';
import { createSearch } from './search.ts';
import type { StoreHit, StoreQuery, StoreSource } from './store-query.ts';
import { adminAreas, schools } from './test-fixtures.ts';

// The store side is an interface (stores live in a database, see @atlas/store's
// store-search.test.ts and the API's search tests); here it answers from a fixed list, so
// that what the search asks and how it merges the answer can be checked exactly.

function storesAnswering(hits: StoreHit[]): StoreSource & { asked: StoreQuery[] } {
  const asked: StoreQuery[] = [];
  return {
    asked,
    async searchStores(q) {
      asked.push(q);
      return hits.slice(0, q.limit);
    },
  };
}

const shop = (id: string, name: string, points: number): StoreHit => ({
  id,
  name,
  address: '文昌路12号',
  adminCode: '420599001003',
  position: [111.31, 30.81],
  points,
});

describe('createSearch', () => {
  it('asks the store with normalised tokens, the name and address points, and the areas each token names', async () => {
    const stores = storesAnswering([]);
    await createSearch({ schools, adminAreas }, stores).search('云溪街道  ＹＸ', 5);
    const [q] = stores.asked;
    expect(q!.limit).toBe(5);
    expect(q!.tokens.map((t) => t.key)).toEqual(['云溪街道', 'yx']);
    expect(q!.tokens[0]!.areas).toEqual([
      { code: '420599001', points: 30 },
      { code: '420599001003', points: 30 },
    ]);
    expect(q!.tokens[1]!.areas).toEqual([]);
    expect(q!.points.name).toEqual({ exact: 100, prefix: 90, within: 80 });
  });

  it('merges stores with schools in one order: a school before a store at equal points', async () => {
    const stores = storesAnswering([shop('sto-9', '第一烟酒店', 80), shop('sto-8', '一号店', 90)]);
    const hits = await createSearch({ schools, adminAreas }, stores).search('一');
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['sto-8', 90],
      ['sch-001', 82],
      ['sto-9', 80],
    ]);
    expect(hits[0]).toMatchObject({ kind: 'store', matched: 'name', bbox: null });
    expect(hits[0]!.adminPath).toBe('云溪县 › 云溪街道 › 文昌社区');
  });

  it('names the field a store matched by from its points, and cuts the merge to limit', async () => {
    const stores = storesAnswering([shop('sto-1', '烟酒店', 40), shop('sto-2', '酒店', 32)]);
    const hits = await createSearch({ schools, adminAreas }, stores).search('文昌', 3);
    expect(hits.map((h) => [h.id, h.matched, h.score])).toEqual([
      ['adm-420599001003', 'name', 91],
      ['sch-001', 'address', 42],
      ['sto-1', 'address', 40],
    ]);
  });

  it('does not ask the store about a blank query, and refuses a bad limit', async () => {
    const stores = storesAnswering([shop('sto-1', '烟酒店', 80)]);
    const search = createSearch({ schools, adminAreas }, stores);
    expect(await search.search('  ')).toEqual([]);
    expect(stores.asked).toEqual([]);
    await expect(search.search('一', 0)).rejects.toThrow(RangeError);
  });

  it('holds only schools and admin areas in memory', () => {
    const search = createSearch({ schools, adminAreas }, storesAnswering([]));
    expect(search.size).toBe(schools.length + adminAreas.length);
  });
});
