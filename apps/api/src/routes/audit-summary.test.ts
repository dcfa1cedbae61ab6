import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@atlas/audit';
import { demoApp, json, post } from './audits-test-app.ts';

// The summary route against the findings route of the same run: every count of the
// summary must equal the findings listed page by page and counted here.

type Ctx = Awaited<ReturnType<typeof demoApp>>;
type Summary = {
  runId: number;
  total: number;
  byStatus: Record<string, number>;
  bySchoolType: Record<string, number>;
  byCategory: { targetKind: string; category: string; count: number }[];
  townships: { code: string; name: string | null; count: number }[];
  schools: { id: string; name: string | null; count: number }[];
  schoolCount: number;
  latestRunId: number;
};
type Problem = { status: number; problems: { field: string | null }[] };

let ctx: Ctx;
let runId: number;
let findings: Finding[];
const townshipOf = new Map<string, string>();

beforeAll(async () => {
  ctx = await demoApp();
  const run = await json<{ id: number }>(
    await ctx.app.request('/api/audits', post({ profile: 'hubei' })),
    201,
  );
  runId = run.id;
  findings = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { findings: Finding[]; nextCursor: string | null } = await json(
      await ctx.app.request(`/api/audits/${runId}/findings?limit=50${q}`),
      200,
    );
    findings.push(...page.findings);
    cursor = page.nextCursor;
  } while (cursor);
  for await (const batch of ctx.store.scan('schools'))
    for (const s of batch) townshipOf.set(s.id, s.properties.adminCode.slice(0, 9));
});
afterAll(() => ctx.close());

const get = async <T>(path: string, status = 200) => json<T>(await ctx.app.request(path), status);
const tally = (list: readonly Finding[], key: (f: Finding) => string) => {
  const out: Record<string, number> = {};
  for (const f of list) out[key(f)] = (out[key(f)] ?? 0) + 1;
  return out;
};

describe('GET /api/audits/:id/summary', () => {
  it('counts the run’s findings per status, category, township and school as the findings list has them', async () => {
    const s = await get<Summary>(`/api/audits/${runId}/summary?schools=5000`);
    expect(findings.length).toBeGreaterThan(20);
    expect(s.total).toBe(findings.length);
    expect(s.byStatus).toEqual(tally(findings, (f) => f.status));
    expect(
      Object.fromEntries(s.byCategory.map((c) => [`${c.targetKind}/${c.category}`, c.count])),
    ).toEqual(tally(findings, (f) => `${f.targetKind}/${f.category}`));
    const perTownship = tally(findings, (f) => townshipOf.get(f.schoolId) ?? '?');
    expect(
      Object.fromEntries(s.townships.filter((t) => t.count > 0).map((t) => [t.code, t.count])),
    ).toEqual(perTownship);
    expect(s.townships.every((t) => t.name !== null)).toBe(true);
    expect(Object.fromEntries(s.schools.map((x) => [x.id, x.count]))).toEqual(
      tally(findings, (f) => f.schoolId),
    );
    expect(s.schoolCount).toBe(s.schools.length);
  });

  it('applies comma-separated category and status lists and a township', async () => {
    const tobacco = findings.find((f) => f.category === 'tobacco' && f.status === 'violation');
    const code = townshipOf.get(tobacco!.schoolId)!;
    const kept = findings.filter(
      (f) =>
        ['tobacco', 'ecig'].includes(f.category) &&
        ['violation', 'borderline'].includes(f.status) &&
        townshipOf.get(f.schoolId) === code,
    );
    const s = await get<Summary>(
      `/api/audits/${runId}/summary?category=tobacco,ecig&status=violation,borderline&township=${code}&schools=3`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(s.total).toBe(kept.length);
    expect(s.townships.filter((t) => t.code !== code).every((t) => t.count === 0)).toBe(true);
    expect(s.schools.length).toBeLessThanOrEqual(3);
  });

  it('lists only the schools asked for: 30 by default, none with schools=0', async () => {
    const none = await get<Summary>(`/api/audits/${runId}/summary?schools=0`);
    expect(none.schools).toEqual([]);
    expect(none.schoolCount).toBeGreaterThan(0);
    const byDefault = await get<Summary>(`/api/audits/${runId}/summary`);
    expect(byDefault.schools.length).toBe(Math.min(30, byDefault.schoolCount));
  });

  it('answers a bad filter with 400 naming the field, and an unknown run with 404', async () => {
    const bad = await get<Problem>(
      `/api/audits/${runId}/summary?status=violation,clear&township=42&schoolType=castle`,
      400,
    );
    const fields = bad.problems.map((p) => p.field ?? '');
    expect(fields.some((f) => f.startsWith('status'))).toBe(true);
    expect(fields).toContain('township');
    expect(fields.some((f) => f.startsWith('schoolType'))).toBe(true);
    await get(`/api/audits/${runId + 999}/summary`, 404);
  });

  it('names the newest run saved, so that a client counting an older run moves on', async () => {
    expect((await get<Summary>(`/api/audits/${runId}/summary`)).latestRunId).toBe(runId);
    const next = await json<{ id: number }>(
      await ctx.app.request('/api/audits', post({ profile: 'hubei' })),
      201,
    );
    const old = await get<Summary>(`/api/audits/${runId}/summary`);
    expect([old.runId, old.latestRunId]).toEqual([runId, next.id]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.paths['/api/audits/{id}/summary']).toBeDefined();
  });
});
