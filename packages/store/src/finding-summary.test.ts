import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Bbox, LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import type { AtlasStore } from './store.ts';
import type { FindingRecord } from './audit-runs.ts';
import type { FindingSummary, FindingSummaryFilter } from './finding-summary.ts';
import { adminArea, school as sampleSchool } from './sample-features.ts';
import { makeTempDir, seededRandom } from './test-helpers.ts';

// The summary's counts are checked against the same findings counted here in plain code.

const TOWNSHIPS = { a: '420106001', b: '420106002', empty: '420106003' };
type SchoolSpec = { id: string; type: 'primary' | 'junior' | 'kindergarten'; township: string };
const SCHOOLS: SchoolSpec[] = [
  { id: 's1', type: 'primary', township: TOWNSHIPS.a },
  { id: 's2', type: 'primary', township: TOWNSHIPS.b },
  { id: 's3', type: 'junior', township: TOWNSHIPS.a },
  { id: 's4', type: 'kindergarten', township: TOWNSHIPS.b },
  { id: 's5', type: 'junior', township: TOWNSHIPS.b },
];
/** A school with findings in the run but since deleted from the store. */
const GONE = { id: 's-gone', township: TOWNSHIPS.a };
const TARGETS = [
  { targetKind: 'store', category: 'tobacco' },
  { targetKind: 'store', category: 'lottery' },
  { targetKind: 'store', category: 'internet_cafe' },
  { targetKind: 'hazard', category: 'landslide' },
  { targetKind: 'water', category: 'pond' },
];
const STATUSES = ['violation', 'borderline', 'monitor'];
const FINDINGS_IN_RUN = 400;
const LNG0 = 114.3;
const SCHOOL_STEP_DEG = 0.01;

const schoolAt = (i: number): [number, number] => [LNG0 + i * SCHOOL_STEP_DEG, 30.5];

function schoolFeature(s: SchoolSpec, i: number): LayerFeature<'schools'> {
  return {
    ...sampleSchool,
    id: s.id,
    geometry: { type: 'Point', coordinates: schoolAt(i) },
    properties: {
      ...sampleSchool.properties,
      code: s.id,
      name: `学校${s.id}`,
      type: s.type,
      adminCode: `${s.township}001`,
      campus: null,
      gates: [],
    },
  };
}

const township = (code: string, name: string): LayerFeature<'admin_areas'> => ({
  ...adminArea,
  id: `admin-${code}`,
  properties: { ...adminArea.properties, code, name, level: 'township', parentCode: '420106' },
});

type Row = FindingRecord & { township: string; schoolType: string | null; i: number };

let store: AtlasStore;
let temp: ReturnType<typeof makeTempDir>;
let runId: number;
const rows: Row[] = [];

beforeAll(async () => {
  temp = makeTempDir();
  store = await openStore(join(temp.dir, 'summary.duckdb'));
  await store.upsert('schools', SCHOOLS.map(schoolFeature));
  await store.upsert('admin_areas', [
    township(TOWNSHIPS.a, '甲镇'),
    township(TOWNSHIPS.b, '乙乡'),
    township(TOWNSHIPS.empty, '丙街道'),
    adminArea,
  ]);
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let n = 0; n < FINDINGS_IN_RUN; n++) {
    const i = Math.floor(random() * (SCHOOLS.length + 1));
    const s = SCHOOLS[i] ?? { ...GONE, type: null };
    const target = pick(TARGETS);
    rows.push({
      id: `f${n}`,
      schoolId: s.id,
      targetId: `t${n}`,
      ...target,
      status: pick(STATUSES),
      distanceM: random() * 100,
      rules: [],
      township: s.township,
      schoolType: s.type,
      i,
    });
  }
  const saved = await store.saveAuditRun(
    {
      profileId: 'hubei',
      profile: {},
      startedAt: '2026-11-23T08:00:00+08:00',
      finishedAt: '2026-11-23T08:00:01+08:00',
      filter: {},
      summary: {},
    },
    rows.map(({ township: t, schoolType: _type, i: _i, ...finding }) => ({ finding, township: t })),
  );
  runId = saved.id;
});
afterAll(async () => {
  await store.close();
  temp.cleanup();
});

const inBbox = (r: Row, [w, s, e, n]: Bbox) => {
  if (r.schoolType === null) return false;
  const [lng, lat] = schoolAt(r.i);
  return lng >= w && lng <= e && lat >= s && lat <= n;
};

/** The summary counted in plain code over the rows, for comparison. */
function expected(f: FindingSummaryFilter): Omit<
  FindingSummary,
  'schools' | 'byCategory' | 'latestRunId'
> & {
  byCategory: Record<string, number>;
  schools: Record<string, number>;
} {
  const any = (list: readonly string[] | undefined, v: string | null) =>
    !list?.length || (v !== null && list.includes(v));
  const kept = rows.filter(
    (r) =>
      any(f.categories, r.category) &&
      any(f.statuses, r.status) &&
      any(f.schoolTypes, r.schoolType) &&
      (f.township === undefined || r.township === f.township) &&
      (!f.bbox || inBbox(r, f.bbox)),
  );
  const count = (key: (r: Row) => string | null) => {
    const out: Record<string, number> = {};
    for (const r of kept) {
      const k = key(r);
      if (k !== null) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  const perTownship = count((r) => r.township);
  const names: Record<string, string> = {
    [TOWNSHIPS.a]: '甲镇',
    [TOWNSHIPS.b]: '乙乡',
    [TOWNSHIPS.empty]: '丙街道',
  };
  const schools = count((r) => r.schoolId);
  return {
    total: kept.length,
    byStatus: count((r) => r.status),
    bySchoolType: count((r) => r.schoolType),
    byCategory: count((r) => `${r.targetKind}/${r.category}`),
    townships: Object.entries(names).map(([code, name]) => ({
      code,
      name,
      count: perTownship[code] ?? 0,
    })),
    schools,
    schoolCount: Object.keys(schools).length,
  };
}

async function compare(filter: FindingSummaryFilter) {
  const got = await store.findingSummary(runId, { ...filter, schoolLimit: 100 });
  const want = expected(filter);
  expect(got.total).toBe(want.total);
  expect(got.byStatus).toEqual(want.byStatus);
  expect(got.bySchoolType).toEqual(want.bySchoolType);
  expect(
    Object.fromEntries(got.byCategory.map((c) => [`${c.targetKind}/${c.category}`, c.count])),
  ).toEqual(want.byCategory);
  expect(got.townships).toEqual(want.townships);
  expect(Object.fromEntries(got.schools.map((s) => [s.id, s.count]))).toEqual(want.schools);
  expect(got.schoolCount).toBe(want.schoolCount);
  return got;
}

describe('findingSummary', () => {
  it('counts every finding of the run per status, school type, category, township and school', async () => {
    const got = await compare({});
    expect(got.total).toBe(FINDINGS_IN_RUN);
    expect(got.townships.find((t) => t.code === TOWNSHIPS.empty)).toEqual({
      code: TOWNSHIPS.empty,
      name: '丙街道',
      count: 0,
    });
    const counts = got.byCategory.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('narrows every count alike by category, status, school type, township and bbox', async () => {
    await compare({ categories: ['tobacco', 'lottery'] });
    await compare({ statuses: ['violation'] });
    await compare({ schoolTypes: ['primary', 'kindergarten'] });
    await compare({ township: TOWNSHIPS.b });
    await compare({ bbox: [LNG0 + 0.5 * SCHOOL_STEP_DEG, 30, LNG0 + 2.5 * SCHOOL_STEP_DEG, 31] });
    const all = await compare({
      categories: ['tobacco', 'landslide'],
      statuses: ['violation', 'monitor'],
      schoolTypes: ['primary'],
      township: TOWNSHIPS.a,
    });
    expect(all.total).toBeGreaterThan(0);
    expect(all.total).toBeLessThan(FINDINGS_IN_RUN / 4);
  });

  it('lists the schools with most findings first with names and types, cut at the limit', async () => {
    const all = await store.findingSummary(runId, { schoolLimit: 100 });
    const two = await store.findingSummary(runId, { schoolLimit: 2 });
    expect(two.schools).toEqual(all.schools.slice(0, 2));
    expect(two.schoolCount).toBe(SCHOOLS.length + 1);
    const counts = all.schools.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.schools.find((s) => s.id === 's3')).toMatchObject({
      name: '学校s3',
      type: 'junior',
      township: TOWNSHIPS.a,
    });
    expect(all.schools.find((s) => s.id === GONE.id)).toMatchObject({ name: null, type: null });
    const none = await store.findingSummary(runId, { schoolLimit: 0 });
    expect(none.schools).toEqual([]);
    expect(none.schoolCount).toBe(SCHOOLS.length + 1);
  });

  it('gives zero counts with every township for a run that does not exist', async () => {
    const got = await store.findingSummary(runId + 100, { schoolLimit: 10 });
    expect(got).toMatchObject({ total: 0, byStatus: {}, schools: [], schoolCount: 0 });
    expect(got.townships.map((t) => t.count)).toEqual([0, 0, 0]);
  });

  it('refuses a negative or fractional school limit, naming it', async () => {
    await expect(store.findingSummary(runId, { schoolLimit: -1 })).rejects.toThrow(/schoolLimit/);
    await expect(store.findingSummary(runId, { schoolLimit: 1.5 })).rejects.toThrow(/schoolLimit/);
  });
});
