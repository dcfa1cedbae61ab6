import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { School } from '@atlas/model';
import { schoolFeature, testApp } from '../test-app.ts';

// GET /api/layers/:layer with sort=name and fields=…, over the real app and a real DuckDB
// holding enough schools to cross several pages, names repeating so ids must break ties.

const SCHOOLS_N = 75;
const PAGE_LIMIT = 7;
const TOWNS = ['云溪', '安乐', '北山', '白沙', '东湖', '茅坪'];
const KINDS = ['小学', '中学'];

const schools: School[] = Array.from({ length: SCHOOLS_N }, (_, i) => {
  const f = schoolFeature(`sch-${String(i).padStart(3, '0')}`, 111 + i * 0.001, 30.5);
  // i * 7 mod n scrambles names against ids; i % 5 + 1 makes whole names repeat.
  const j = (i * 7) % SCHOOLS_N;
  f.properties.name = `${TOWNS[j % TOWNS.length]}第${(j % 5) + 1}${KINDS[j % KINDS.length]}`;
  f.properties.address = `测试路 ${i} 号`;
  return f;
});

const zh = new Intl.Collator('zh');
const expectedByName = [...schools]
  .sort((a, b) => zh.compare(a.properties.name, b.properties.name) || (a.id < b.id ? -1 : 1))
  .map((f) => f.id);

type Page = {
  features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
  nextCursor: string | null;
};

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
  await ctx.store.upsert('schools', schools);
});
afterAll(() => ctx.close());

async function pages(query: string): Promise<Page[]> {
  const all: Page[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await ctx.app.request(`/api/layers/schools?${query}${after}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    all.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function problem(path: string) {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { detail: string; problems: { field: string; reason: string }[] };
}

describe('GET /api/layers/:layer?sort=name&fields=…', () => {
  it('pages every school once in pinyin order of name, ties by id, with only the fields asked', async () => {
    const got = await pages(`limit=${PAGE_LIMIT}&sort=name&fields=name,address`);
    expect(got).toHaveLength(Math.ceil(SCHOOLS_N / PAGE_LIMIT));
    const features = got.flatMap((p) => p.features);
    expect(features.map((f) => f.id)).toEqual(expectedByName);
    for (const f of features) {
      const original = schools.find((s) => s.id === f.id)!;
      expect(f.properties).toEqual({
        name: original.properties.name,
        address: original.properties.address,
      });
      expect(f.geometry).toEqual(original.geometry);
    }
  });

  it('sends whole features in id order when neither option is given, as before', async () => {
    const plain = (await pages(`limit=${PAGE_LIMIT}`)).flatMap((p) => p.features);
    expect(plain.map((f) => f.id)).toEqual(schools.map((f) => f.id));
    expect(plain[0]).toEqual(schools[0]);
    const byId = (await pages(`limit=${PAGE_LIMIT}&sort=id`)).flatMap((p) => p.features);
    expect(byId).toEqual(plain);
  });

  it('makes a page of names a small part of a page of whole schools', async () => {
    const size = async (q: string) =>
      (await (await ctx.app.request(`/api/layers/schools?limit=30${q}`)).text()).length;
    const [whole, names] = [await size(''), await size('&sort=name&fields=name,address')];
    expect(names).toBeLessThan(whole / 3);
  });

  it('answers 400 naming fields for an unknown, empty or mistyped field', async () => {
    const unknown = await problem('/api/layers/schools?fields=name,colour');
    expect(unknown.problems.map((p) => p.field)).toEqual(['fields']);
    expect(unknown.detail).toContain('unknown field "colour" for layer schools');
    expect(unknown.problems[0]!.reason).toContain('fields are code, name,');
    // A property of another layer is unknown here too.
    expect((await problem('/api/layers/schools?fields=categories')).detail).toContain(
      '"categories"',
    );
    for (const bad of ['', 'name,,address']) {
      const body = await problem(`/api/layers/schools?fields=${bad}`);
      expect(body.problems.map((p) => p.field)).toEqual(['fields']);
    }
  });

  it('answers 400 naming sort for an unknown order', async () => {
    const body = await problem('/api/layers/schools?sort=size');
    expect(body.problems.map((p) => p.field)).toEqual(['sort']);
  });

  it('answers 400 naming cursor when a cursor of one order is used with the other', async () => {
    const [first] = await pages(`limit=${SCHOOLS_N - 1}`);
    const body = await problem(
      `/api/layers/schools?sort=name&cursor=${encodeURIComponent(first!.nextCursor!)}`,
    );
    expect(body.problems.map((p) => p.field)).toEqual(['cursor']);
  });

  it('documents sort and fields in the OpenAPI document', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }>;
    };
    const params = doc.paths['/api/layers/{layer}']!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['bbox', 'limit', 'cursor', 'sort', 'fields']),
    );
    expect(params.find((p) => p.name === 'sort')?.description).toContain('pinyin');
    expect(params.find((p) => p.name === 'fields')?.description).toContain('Point');
  });
});
