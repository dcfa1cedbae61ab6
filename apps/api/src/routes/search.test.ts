import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex } from '@atlas/search';
import type { LayerFeature, LayerName } from '@atlas/model';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';
import { searchBuildCount } from './search-cache.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
type Hit = { kind: string; id: string; name: string; matched: string; score: number };
type Body = { query: string; results: Hit[] };
let ctx: Ctx;

beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('schools', [schoolFeature('sch-1', 111.05, 30.05)]);
  await ctx.store.upsert('stores', [
    storeFeature(1, 111.06, 30.05),
    storeFeature(2, 111.07, 30.05),
  ]);
});
afterAll(() => ctx.close());

async function search(query: string) {
  const res = await ctx.app.request(`/api/search?${query}`);
  return { status: res.status, body: (await res.json()) as Body };
}

describe('GET /api/search', () => {
  it('finds a school by the pinyin initials of its name (测试小学 → csxx)', async () => {
    const { status, body } = await search('q=csxx');
    expect(status).toBe(200);
    expect(body.results.map((r) => r.id)).toEqual(['sch-1']);
  });

  it('finds stores by part of their name, best first, at most limit', async () => {
    const { body } = await search(`q=${encodeURIComponent('测试商店')}&limit=1`);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]!.kind).toBe('store');
  });

  it('sees a store written after the first search', async () => {
    expect((await search(`q=${encodeURIComponent('测试商店 3')}`)).body.results).toEqual([]);
    await ctx.store.upsert('stores', [storeFeature(3, 111.08, 30.05)]);
    const { body } = await search(`q=${encodeURIComponent('测试商店 3')}`);
    expect(body.results.map((r) => r.id)).toEqual(['sto-0003']);
  });

  it('keeps the school index through store edits and rebuilds it after a school edit', async () => {
    await search('q=csxx');
    const builds = searchBuildCount(ctx.store);
    expect(builds).toBeGreaterThan(0);
    await ctx.store.upsert('stores', [storeFeature(4, 111.09, 30.05)]);
    await ctx.store.remove('stores', ['sto-0004']);
    expect((await search(`q=${encodeURIComponent('测试商店 4')}`)).body.results).toEqual([]);
    expect(searchBuildCount(ctx.store)).toBe(builds);
    await ctx.store.upsert('schools', [schoolFeature('sch-2', 111.1, 30.05)]);
    expect((await search('q=csxx')).body.results.map((r) => r.id)).toEqual(['sch-1', 'sch-2']);
    expect(searchBuildCount(ctx.store)).toBe(builds + 1);
  });

  it('ranks as the whole in-memory index does, for queries that are not pinyin', async () => {
    const read = async <L extends LayerName>(layer: L) => {
      const out: LayerFeature<L>[] = [];
      for await (const batch of ctx.store.scan(layer)) out.push(...batch);
      return out;
    };
    const whole = createSearchIndex({
      schools: await read('schools'),
      stores: await read('stores'),
      adminAreas: await read('admin_areas'),
    });
    for (const q of ['测试', '测试商店', '商店 2', '小学', '不存在']) {
      const { body } = await search(`q=${encodeURIComponent(q)}&limit=50`);
      const pick = (h: Hit) => [h.kind, h.id, h.matched, h.score];
      expect(body.results.map(pick)).toEqual(whole.search(q, 50).map(pick));
    }
  });

  it('refuses a blank query and a limit out of range with problem+json naming the field', async () => {
    for (const query of ['q=%20%20', 'q=x&limit=0', 'q=x&limit=51', 'limit=5']) {
      const res = await ctx.app.request(`/api/search?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { problems: { field: string }[] };
      expect(problem.problems.length).toBeGreaterThan(0);
    }
  });
});
