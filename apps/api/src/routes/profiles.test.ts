import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedProfiles } from '@atlas/rules';
import { demoApp, json, post } from './audits-test-app.ts';

type Ctx = Awaited<ReturnType<typeof demoApp>>;
let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
});
afterAll(() => ctx.close());

interface Problem {
  problems: { field: string | null; reason: string; severity: string }[];
}
interface Info {
  id: string;
  readOnly: boolean;
}

const SOURCE = {
  title: '云溪县学校周边烟草零售网点布局规划（虚构）',
  article: null,
  issuingBody: '云溪县烟草专卖局（虚构）',
  date: '2026-01-01',
  note: 'test profile',
};
const district = {
  id: 'yunxi',
  name: '云溪县',
  jurisdiction: 'district',
  extends: 'hubei',
  schoolGroups: {},
  zones: [],
  campaigns: [],
  rules: [
    {
      kind: 'store',
      id: 'yx.tobacco.walk-100m',
      jurisdiction: 'district',
      protects: ['primary', 'junior', 'nine_year', 'senior', 'complete_secondary'],
      category: 'tobacco',
      entertainmentSubtypes: null,
      distanceM: 100,
      inclusive: true,
      origin: 'every_gate',
      metric: 'walking',
      effect: 'no_renewal',
      source: SOURCE,
    },
  ],
};

const req = (path: string, init?: RequestInit) => ctx.app.request(path, init);

describe('rule profiles API', () => {
  it('lists the shipped profiles as read-only', async () => {
    const { profiles } = await json<{ profiles: Info[] }>(await req('/api/profiles'), 200);
    expect(profiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'national', readOnly: true }),
        expect.objectContaining({ id: 'hubei', readOnly: true }),
      ]),
    );
    const hubei = await json<{ profile: { id: string } }>(await req('/api/profiles/hubei'), 200);
    expect(hubei.profile.id).toBe('hubei');
    await json(await req('/api/profiles/nope'), 404);
  });

  it('creates a district profile, lists it as editable and audits with it (walking along the demo roads)', async () => {
    await json(await req('/api/profiles', post(district)), 201);
    const { profiles } = await json<{ profiles: Info[] }>(await req('/api/profiles'), 200);
    expect(profiles).toContainEqual(expect.objectContaining({ id: 'yunxi', readOnly: false }));
    const run = await json<{ id: number; summary: { unevaluatedRules: { ruleId: string }[] } }>(
      await req('/api/audits', post({ profile: 'yunxi' })),
      201,
    );
    expect(run.summary.unevaluatedRules.map((u) => u.ruleId)).not.toContain('yx.tobacco.walk-100m');
    const page = await json<{ findings: { method: { metric: string }; path: unknown }[] }>(
      await req(`/api/audits/${run.id}/findings?category=tobacco&limit=10000`),
      200,
    );
    const walked = page.findings.filter((f) => f.method.metric === 'walking');
    expect(walked.length).toBeGreaterThan(0);
    expect(walked.every((f) => Array.isArray(f.path))).toBe(true);
  });

  it('edits a user profile with PUT, and refuses a duplicate POST', async () => {
    const edited = { ...district, name: '云溪县（修订）' };
    await json(await req('/api/profiles/yunxi', post(edited, 'PUT')), 200);
    const got = await json<{ profile: { name: string } }>(await req('/api/profiles/yunxi'), 200);
    expect(got.profile.name).toBe('云溪县（修订）');
    await json(await req('/api/profiles', post(edited)), 409);
  });

  it('keeps shipped profiles read-only', async () => {
    const hubei = readShippedProfiles().find((p) => p.id === 'hubei')!;
    await json(await req('/api/profiles/hubei', post(hubei, 'PUT')), 409);
  });

  it('refuses an invalid profile, listing every problem', async () => {
    const rule = district.rules[0]!;
    const bad = {
      ...district,
      id: 'bad',
      rules: [
        { ...rule, id: 'b1', distanceM: -1 },
        { ...rule, id: 'b2', category: 'casino' },
        { ...rule, id: 'b3', origin: 'front_door' },
        { ...rule, id: 'b4', source: undefined },
      ],
    };
    const body = await json<Problem>(await req('/api/profiles', post(bad)), 400);
    expect(body.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'rules.0.distanceM',
        'rules.1.category',
        'rules.2.origin',
        'rules.3.source',
      ]),
    );
  });

  it('refuses a profile that would replace a number the broader law set', async () => {
    const loosen = {
      ...district,
      id: 'loose',
      rules: [{ ...district.rules[0]!, id: 'hb.tobacco.50m', distanceM: 10 }],
    };
    const body = await json<Problem>(await req('/api/profiles', post(loosen)), 400);
    expect(body.problems[0]!.reason).toMatch(/may add a stricter rule under a new id/);
  });

  it('refuses a PUT whose body names another id', async () => {
    await json(await req('/api/profiles/other', post(district, 'PUT')), 400);
  });
});
