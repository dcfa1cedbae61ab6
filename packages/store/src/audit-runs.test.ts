import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from './open.ts';
import type { AtlasStore } from './store.ts';
import type { FindingRecord, NewAuditRun } from './audit-runs.ts';
import type { FindingPage } from './findings-page.ts';
import { makeTempDir } from './test-helpers.ts';

let store: AtlasStore;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  temp = makeTempDir();
  store = await openStore(join(temp.dir, 'runs.duckdb'));
});
afterEach(async () => {
  await store.close();
  temp.cleanup();
});

interface F extends FindingRecord {
  note: string;
}

function finding(school: string, target: string, over: Partial<F> = {}): F {
  return {
    id: `${school}/store/${target}/tobacco`,
    schoolId: school,
    targetKind: 'store',
    targetId: target,
    category: 'tobacco',
    status: 'violation',
    distanceM: 10,
    rules: [{ ruleId: 'hb.tobacco.50m', status: 'violation' }],
    note: '保留全部字段',
    ...over,
  };
}

const run: NewAuditRun = {
  profileId: 'hubei',
  profile: { id: 'hubei', rules: [] },
  startedAt: '2026-11-23T08:00:00+08:00',
  finishedAt: '2026-11-23T08:00:01+08:00',
  filter: { schools: null },
  summary: { unauditable: [] },
};

const township = '420599101';
const save = (findings: F[]) =>
  store.saveAuditRun(
    run,
    findings.map((f) => ({ finding: f, township: f.schoolId === 's9' ? null : township })),
  );

describe('audit runs', () => {
  it('saves a run with its findings and counts, and reads it back', async () => {
    const saved = await save([
      finding('s1', 't1'),
      finding('s1', 't2', { status: 'monitor', category: 'liquor', id: 's1/store/t2/liquor' }),
    ]);
    expect(saved.counts).toEqual({
      total: 2,
      byStatus: { violation: 1, monitor: 1 },
      byCategory: { tobacco: 1, liquor: 1 },
    });
    expect(await store.getAuditRun(saved.id)).toEqual(saved);
    expect(await store.getAuditRun(saved.id + 1)).toBeNull();
    const page = await store.queryFindings<F>(saved.id, { limit: 10 });
    expect(page.findings.map((f) => f.note)).toEqual(['保留全部字段', '保留全部字段']);
  });

  it('lists runs newest first with increasing ids', async () => {
    const a = await save([]);
    const b = await save([finding('s1', 't1')]);
    expect(b.id).toBeGreaterThan(a.id);
    expect((await store.listAuditRuns()).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('never keeps half a run: a finding that cannot be written rolls the whole run back', async () => {
    const bad = finding('s1', 't2', { id: 'bad' });
    (bad as { distanceM: unknown }).distanceM = 'far';
    await expect(save([finding('s1', 't1'), bad])).rejects.toThrow();
    expect(await store.listAuditRuns()).toEqual([]);
    const next = await save([finding('s1', 't1')]);
    expect((await store.queryFindings(next.id, { limit: 10 })).findings).toHaveLength(1);
  });
});

describe('queryFindings', () => {
  it('filters by school, category, status, township and target, and pages with cursors', async () => {
    const findings = Array.from({ length: 25 }, (_, i) =>
      finding(`s${i % 3}`, `t${String(i).padStart(2, '0')}`, {
        status: i % 2 ? 'violation' : 'borderline',
      }),
    );
    findings.push(finding('s9', 't99'));
    const { id } = await save(findings);
    const ids = async (q: object) =>
      (await store.queryFindings(id, { limit: 100, ...q })).findings.map((f) => f.id);
    expect(await ids({ school: 's1' })).toHaveLength(8);
    expect(await ids({ statuses: ['borderline'] })).toHaveLength(13);
    expect(await ids({ school: 's1', statuses: ['violation'] })).toHaveLength(4);
    expect(await ids({ township })).toHaveLength(25);
    expect(await ids({ township: '420599102' })).toEqual([]);
    expect(await ids({ targetId: 't99' })).toEqual(['s9/store/t99/tobacco']);
    expect(await ids({ categories: ['liquor'] })).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: FindingPage<FindingRecord> = await store.queryFindings(id, { limit: 7, cursor });
      seen.push(...page.findings.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(findings.map((f) => f.id).sort());
  });

  it('refuses a cursor it never handed out', async () => {
    const { id } = await save([]);
    await expect(store.queryFindings(id, { limit: 5, cursor: 'nope' })).rejects.toThrow(
      /invalid cursor/,
    );
  });
});

describe('diffRuns', () => {
  it('reports new, resolved and changed findings by id, ignoring sub-centimetre moves', async () => {
    const a = await save([
      finding('s1', 'gone'),
      finding('s1', 'same'),
      finding('s1', 'nudged'),
      finding('s1', 'moved'),
      finding('s1', 'status'),
      finding('s1', 'rules'),
    ]);
    const b = await save([
      finding('s1', 'same'),
      finding('s1', 'nudged', { distanceM: 10.005 }),
      finding('s1', 'moved', { distanceM: 10.02 }),
      finding('s1', 'status', { status: 'borderline' }),
      finding('s1', 'rules', {
        rules: [
          { ruleId: 'hb.tobacco.50m', status: 'violation' },
          { ruleId: 'x.extra', status: 'clear' },
        ],
      }),
      finding('s2', 'fresh'),
    ]);
    const diff = await store.diffRuns<F>(a.id, b.id);
    expect(diff.new.map((f) => f.targetId)).toEqual(['fresh']);
    expect(diff.resolved.map((f) => f.targetId)).toEqual(['gone']);
    expect(diff.changed.map((c) => c.after.targetId)).toEqual(['moved', 'rules', 'status']);
    expect(diff.changed[0]!.before.distanceM).toBe(10);
    expect(diff.changed[0]!.after.distanceM).toBe(10.02);
  });
});

describe('rule profiles and walkable roads', () => {
  it('stores user profiles as JSON, replacing by id', async () => {
    await store.saveProfile({ id: 'b', profile: { n: 1 }, updatedAt: '2026-01-01T00:00:00Z' });
    await store.saveProfile({ id: 'a', profile: { n: 2 }, updatedAt: '2026-01-02T00:00:00Z' });
    await store.saveProfile({ id: 'b', profile: { n: 3 }, updatedAt: '2026-01-03T00:00:00Z' });
    expect((await store.listProfiles()).map((p) => [p.id, p.profile])).toEqual([
      ['a', { n: 2 }],
      ['b', { n: 3 }],
    ]);
    expect(await store.getProfile('zz')).toBeNull();
  });

  it('counts walkable roads only', async () => {
    expect(await store.walkableRoadCount()).toBe(0);
    const road = (id: string, walkable: boolean) => ({
      type: 'Feature' as const,
      id,
      geometry: {
        type: 'LineString' as const,
        coordinates: [
          [111, 30],
          [111.001, 30],
        ] as [number, number][],
      },
      properties: {
        name: id,
        class: 'expressway' as const,
        walkable,
        provenance: { source: 't', importedAt: '2026-01-01T00:00:00Z', originalCrs: 'EPSG:4326' },
      },
    });
    await store.upsert('roads', [road('r1', true), road('r2', false), road('r3', true)]);
    expect(await store.walkableRoadCount()).toBe(2);
  });
});
