import { describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../api/index.ts';
import { byCategory, bySchool, byTownship } from './aggregate.ts';

const summary: FindingSummary = {
  runId: 1,
  latestRunId: 1,
  total: 9,
  byStatus: { violation: 9 },
  bySchoolType: { primary: 9 },
  byCategory: [
    { targetKind: 'store', category: 'tobacco', count: 3 },
    { targetKind: 'store', category: 'ecig', count: 2 },
    { targetKind: 'hazard', category: 'landslide', count: 4 },
  ],
  townships: [
    { code: '420106001', name: '甲镇', count: 2 },
    { code: '420106002', name: '乙乡', count: 7 },
    { code: '420106003', name: null, count: 0 },
  ],
  schools: [{ id: 's1', name: null, type: null, township: null, count: 9 }],
  schoolCount: 1,
};

describe('district bars from the server’s counts', () => {
  it('puts tobacco and e-cigarette findings in one 烟草 bar, hazards in their own', () => {
    expect(byCategory(summary).map((b) => [b.key, b.count])).toEqual([
      ['tobacco', 5],
      ['hazard', 4],
    ]);
  });

  it('lists every township, most findings first, by name or else code', () => {
    expect(byTownship(summary).map((b) => [b.label, b.count])).toEqual([
      ['乙乡', 7],
      ['甲镇', 2],
      ['420106003', 0],
    ]);
  });

  it('names a school by its id when the store no longer has it', () => {
    expect(bySchool(summary)).toEqual([{ key: 's1', label: 's1', count: 9 }]);
  });
});
