import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { openStore } from './open.ts';
import type { AtlasStore } from './store.ts';
import type { FindingRecord } from './audit-runs.ts';
import type { FindingPage, FindingQuery } from './findings-page.ts';
import { school as sampleSchool } from './sample-features.ts';

// Pages filtered in SQL by several categories, statuses and school types: every page but
// the last is full, and the pages together are exactly the findings that pass, as counted
// here in plain code.

const TOWNSHIP = '420106001';
const TYPES = { s1: 'primary', s2: 'junior', s3: 'kindergarten' } as const;
const CATEGORIES = ['tobacco', 'lottery', 'internet_cafe', 'landslide'];
const STATUSES = ['violation', 'borderline', 'monitor'];
const FINDINGS_IN_RUN = 240;
const PAGE_LIMIT = 7;

function schoolFeature(id: keyof typeof TYPES): LayerFeature<'schools'> {
  return {
    ...sampleSchool,
    id,
    properties: { ...sampleSchool.properties, code: id, type: TYPES[id], campus: null, gates: [] },
  };
}

// Schools s1–s3 are stored; s-gone has findings but was deleted since.
const SCHOOL_IDS = ['s1', 's2', 's3', 's-gone'];
const findings: FindingRecord[] = Array.from({ length: FINDINGS_IN_RUN }, (_, i) => {
  const schoolId = SCHOOL_IDS[i % SCHOOL_IDS.length]!;
  const category = CATEGORIES[Math.floor(i / 4) % CATEGORIES.length]!;
  return {
    id: `${schoolId}/store/t${String(i).padStart(3, '0')}/${category}`,
    schoolId,
    targetKind: category === 'landslide' ? 'hazard' : 'store',
    targetId: `t${i}`,
    category,
    status: STATUSES[Math.floor(i / 16) % STATUSES.length]!,
    distanceM: i,
    rules: [],
  };
});

let store: AtlasStore;
let runId: number;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.upsert('schools', [schoolFeature('s1'), schoolFeature('s2'), schoolFeature('s3')]);
  const run = await store.saveAuditRun(
    {
      profileId: 'hubei',
      profile: {},
      startedAt: '2026-11-23T08:00:00+08:00',
      finishedAt: '2026-11-23T08:00:01+08:00',
      filter: {},
      summary: {},
    },
    findings.map((f) => ({ finding: f, township: f.schoolId === 's3' ? null : TOWNSHIP })),
  );
  runId = run.id;
});
afterAll(() => store.close());

/** Every page under the filter, in order. */
async function pages(q: Omit<FindingQuery, 'limit' | 'cursor'>): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: FindingPage<FindingRecord> = await store.queryFindings(runId, {
      ...q,
      limit: PAGE_LIMIT,
      cursor,
    });
    out.push(page.findings.map((f) => f.id));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const expected = (keep: (f: FindingRecord) => boolean) =>
  findings
    .filter(keep)
    .map((f) => f.id)
    .sort();

describe('findings pages', () => {
  it('pages two categories and two statuses in full pages, exactly the findings that pass', async () => {
    const got = await pages({
      categories: ['tobacco', 'landslide'],
      statuses: ['violation', 'monitor'],
    });
    const want = expected(
      (f) =>
        ['tobacco', 'landslide'].includes(f.category) &&
        ['violation', 'monitor'].includes(f.status),
    );
    expect(want.length).toBeGreaterThan(PAGE_LIMIT * 2);
    expect(got.flat()).toEqual(want);
    for (const page of got.slice(0, -1)) expect(page).toHaveLength(PAGE_LIMIT);
  });

  it('narrows by the school types stored now, leaving out findings of schools since deleted', async () => {
    const got = await pages({ schoolTypes: ['primary', 'kindergarten'], township: TOWNSHIP });
    expect(got.flat()).toEqual(expected((f) => f.schoolId === 's1'));
    const all = await pages({ schoolTypes: ['primary', 'junior', 'kindergarten'] });
    expect(all.flat()).toEqual(expected((f) => f.schoolId !== 's-gone'));
  });

  it('takes a one-value list as that value, and empty lists as no filter', async () => {
    const one = await pages({ categories: ['lottery'], statuses: ['borderline'] });
    expect(one.flat()).toEqual(
      expected((f) => f.category === 'lottery' && f.status === 'borderline'),
    );
    const none = await pages({ categories: [], statuses: [], schoolTypes: [] });
    expect(none.flat()).toEqual(expected(() => true));
  });

  it('reads each finding with the township saved with it', async () => {
    const page = await store.queryFindingRows(runId, { school: 's3', limit: 2 });
    expect(page.rows.map((r) => r.township)).toEqual([null, null]);
    const other = await store.queryFindingRows(runId, { school: 's2', limit: 1 });
    expect(other.rows[0]).toEqual({ finding: findings[1], township: TOWNSHIP });
  });
});
