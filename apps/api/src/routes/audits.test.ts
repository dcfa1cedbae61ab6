import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@atlas/audit';
import { readShippedProfiles } from '@atlas/rules';
import { testApp } from '../test-app.ts';
import { demoApp, json, post } from './audits-test-app.ts';

type Ctx = Awaited<ReturnType<typeof demoApp>>;
let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
});
afterAll(() => ctx.close());

interface Run {
  id: number;
  profileId: string;
  counts: { total: number; byStatus: Record<string, number>; byCategory: Record<string, number> };
  summary: { schools: number; unauditable: { schoolId: string }[] };
  profile?: unknown;
}
interface Page {
  findings: Finding[];
  nextCursor: string | null;
}
interface Problem {
  status: number;
  problems: { field: string | null; reason: string }[];
}

const audit = async (body: unknown) =>
  json<Run>(await ctx.app.request('/api/audits', post(body)), 201);
const get = async <T>(path: string, status = 200) => json<T>(await ctx.app.request(path), status);

describe('POST /api/audits', () => {
  it('audits the stored district with the Hubei profile, keeps the run and lists it', async () => {
    const run = await audit({ profile: 'hubei' });
    expect(run.profileId).toBe('hubei');
    expect(run.counts.total).toBeGreaterThan(20);
    expect(run.counts.byStatus.violation).toBeGreaterThan(0);
    expect(run.summary.schools).toBe(80);
    const { runs } = await get<{ runs: Run[] }>('/api/audits');
    expect(runs[0]).toMatchObject({ id: run.id, counts: run.counts });
    expect(runs[0]!.profile).toBeUndefined();
    const detail = await get<Run>(`/api/audits/${run.id}`);
    expect(detail.profile).toMatchObject({ id: 'hubei', chain: ['national', 'hubei'] });
  });

  it('returns an empty run, not an error, for an area without schools', async () => {
    const run = await audit({ profile: 'hubei', bbox: [100, 20, 100.01, 20.01] });
    expect(run.counts.total).toBe(0);
    expect(run.summary.schools).toBe(0);
  });

  it('audits only the schools asked for', async () => {
    const run = await audit({ profile: 'hubei', schools: ['sch-001'] });
    const page = await get<Page>(`/api/audits/${run.id}/findings`);
    expect(page.findings.length).toBeGreaterThan(0);
    expect(new Set(page.findings.map((f) => f.schoolId))).toEqual(new Set(['sch-001']));
  });

  it('refuses an invalid inline profile, listing every problem', async () => {
    const hubei = readShippedProfiles().find((p) => p.id === 'hubei')!;
    const [first, second, third, fourth] = hubei.rules;
    const broken = {
      ...hubei,
      rules: [
        { ...first, distanceM: -5 },
        { ...second, category: 'casino' },
        { ...third, origin: 'front_door' },
        { ...fourth, source: undefined },
      ],
    };
    const res = await ctx.app.request('/api/audits', post({ profile: broken }));
    const body = await json<Problem>(res, 400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const fields = body.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rules.0.distanceM',
        'rules.1.category',
        'rules.2.origin',
        'rules.3.source',
      ]),
    );
  });

  it('refuses an unknown profile id', async () => {
    const body = await json<Problem>(
      await ctx.app.request('/api/audits', post({ profile: 'mars' })),
      400,
    );
    expect(body.problems[0]!.reason).toMatch(/no rule profile "mars"/);
  });
});

describe('GET /api/audits/:id/findings', () => {
  let runId: number;
  beforeAll(async () => {
    runId = (await audit({ profile: 'hubei' })).id;
  });

  it('filters by school, status, category and township', async () => {
    const bySchool = await get<Page>(`/api/audits/${runId}/findings?school=sch-023`);
    expect(bySchool.findings.every((f) => f.schoolId === 'sch-023')).toBe(true);
    const violations = await get<Page>(`/api/audits/${runId}/findings?status=violation`);
    expect(violations.findings.length).toBeGreaterThan(0);
    expect(violations.findings.every((f) => f.status === 'violation')).toBe(true);
    const tobacco = await get<Page>(
      `/api/audits/${runId}/findings?category=tobacco&status=monitor`,
    );
    expect(tobacco.findings.every((f) => f.category === 'tobacco' && f.status === 'monitor')).toBe(
      true,
    );
    const school = (await ctx.store.get('schools', 'sch-023'))!;
    const township = school.properties.adminCode.slice(0, 9);
    const inTownship = await get<Page>(`/api/audits/${runId}/findings?township=${township}`);
    expect(inTownship.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(bySchool.findings.map((f) => f.id)),
    );
  });

  it('pages through every finding exactly once', async () => {
    const all = await get<Page>(`/api/audits/${runId}/findings?limit=10000`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: Page = await get<Page>(`/api/audits/${runId}/findings?limit=7${q}`);
      seen.push(...page.findings.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.findings.map((f) => f.id));
  });

  it('takes comma-separated categories, statuses and school types, and fills every page but the last', async () => {
    const all = (await get<Page>(`/api/audits/${runId}/findings?limit=10000`)).findings;
    const typeOf = new Map<string, string>();
    for await (const batch of ctx.store.scan('schools'))
      for (const s of batch) typeOf.set(s.id, s.properties.type);
    const [categories, statuses, types] = [
      ['tobacco', 'ecig', 'lottery'],
      ['violation', 'borderline'],
      ['primary', 'junior'],
    ];
    const expected = all
      .filter(
        (f) =>
          categories.includes(f.category) &&
          statuses.includes(f.status) &&
          types.includes(typeOf.get(f.schoolId) ?? ''),
      )
      .map((f) => f.id);
    const limit = 3;
    expect(expected.length).toBeGreaterThan(limit * 2);
    const filter = `category=${categories}&status=${statuses}&schoolType=${types}`;
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: Page = await get<Page>(
        `/api/audits/${runId}/findings?${filter}&limit=${limit}${q}`,
      );
      pages.push(page.findings.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.flat()).toEqual(expected);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
  });

  it('answers 404 for a run that does not exist and 400 naming each bad filter', async () => {
    await get(`/api/audits/99999/findings`, 404);
    await get(`/api/audits/${runId}/findings?cursor=bogus`, 400);
    await get(`/api/audits/${runId}/findings?status=fine`, 400);
    const bad = await get<Problem>(
      `/api/audits/${runId}/findings?category=tobacco,Tobacco!&status=violation,clear&schoolType=castle&township=42`,
      400,
    );
    const fields = bad.problems.map((p) => p.field ?? '');
    for (const name of ['category', 'status', 'schoolType', 'township'])
      expect(fields.some((f) => f.startsWith(name))).toBe(true);
  });

  it('describes its list parameters in the OpenAPI document', async () => {
    const doc = await get<{
      paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }>;
    }>('/api/openapi.json');
    const params = doc.paths['/api/audits/{id}/findings']!.get.parameters;
    const described = (name: string) => params.find((p) => p.name === name)?.description ?? '';
    for (const name of ['category', 'status', 'schoolType'])
      expect(described(name)).toMatch(/comma-separated/);
  });
});

describe('GET /api/audits/:a/diff/:b', () => {
  it('answers "what if the tobacco limit became 100 m?" with an edited inline profile', async () => {
    const before = await audit({ profile: 'hubei' });
    const hubei = readShippedProfiles().find((p) => p.id === 'hubei')!;
    const edited = {
      ...hubei,
      rules: hubei.rules.map((r) => (r.id === 'hb.tobacco.50m' ? { ...r, distanceM: 100 } : r)),
    };
    const after = await audit({ profile: edited });
    const diff = await get<{
      new: Finding[];
      resolved: Finding[];
      changed: { before: Finding; after: Finding }[];
    }>(`/api/audits/${before.id}/diff/${after.id}`);
    expect(diff.resolved).toEqual([]);
    const touched = [...diff.new, ...diff.changed.map((c) => c.after)];
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.every((f) => f.category === 'tobacco')).toBe(true);
    // the planted 烟酒店 51 m from sch-001: monitoring band before, no renewal within 100 m after
    const planted = diff.changed.find((c) => c.after.id === 'sch-001/store/sto-1978/tobacco')!;
    // (51 m is within the 1.05 m combined uncertainty of the 50 m limit: 需实地核查)
    expect(planted.before).toMatchObject({
      status: 'borderline',
      effect: 'no_renewal',
      limitM: 50,
    });
    expect(planted.after).toMatchObject({ status: 'violation', effect: 'no_renewal', limitM: 100 });
  });

  it('reports nothing between two runs of the same data and profile', async () => {
    const a = await audit({ profile: 'hubei' });
    const b = await audit({ profile: 'hubei' });
    const diff = await get<{ new: unknown[]; resolved: unknown[]; changed: unknown[] }>(
      `/api/audits/${a.id}/diff/${b.id}`,
    );
    expect(diff).toMatchObject({ new: [], resolved: [], changed: [] });
  });

  it('answers 404 when either run is missing', async () => {
    await get('/api/audits/1/diff/99999', 404);
  });
});

describe('GET /api/schools/:id/findings', () => {
  it('gives the school’s findings from the latest run, and 404 for an unknown school', async () => {
    const run = await audit({ profile: 'hubei' });
    const body = await get<{ runId: number; findings: Finding[] }>('/api/schools/sch-023/findings');
    expect(body.runId).toBe(run.id);
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.findings.every((f) => f.schoolId === 'sch-023')).toBe(true);
    await get('/api/schools/nope/findings', 404);
  });
});

describe('un-auditable schools', () => {
  it('are in the run and its summary, never silently skipped', async () => {
    const school = (await ctx.store.get('schools', 'sch-023'))!;
    const blind = {
      ...school,
      id: 'sch-blind',
      properties: { ...school.properties, campus: null, gates: [] },
    };
    await ctx.store.upsert('schools', [blind]);
    const run = await audit({ profile: 'hubei', schools: ['sch-blind'] });
    expect(run.summary.schools).toBe(1);
    expect(run.summary.unauditable).toEqual([
      expect.objectContaining({ schoolId: 'sch-blind', origin: 'campus_outline' }),
    ]);
  });
});

describe('walking rules without roads', () => {
  it('are refused as a profile problem when no walkable roads are loaded', async () => {
    const bare = await testApp();
    try {
      const hubei = readShippedProfiles().find((p) => p.id === 'hubei')!;
      const walking = {
        ...hubei,
        rules: hubei.rules.map((r) => (r.kind === 'store' ? { ...r, metric: 'walking' } : r)),
      };
      const res = await bare.app.request('/api/audits', post({ profile: walking }));
      const body = await json<Problem>(res, 400);
      expect(body.problems.some((p) => /walking distance needs a roads layer/.test(p.reason))).toBe(
        true,
      );
    } finally {
      await bare.close();
    }
  });
});
