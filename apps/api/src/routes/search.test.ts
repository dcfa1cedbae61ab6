import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
type Body = { query: string; results: { kind: string; id: string; name: string }[] };
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
