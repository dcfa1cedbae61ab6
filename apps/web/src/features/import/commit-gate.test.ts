import { describe, expect, it } from 'vitest';
import type { DataProblem } from '@atlas/model';
import { commitBlockers, commitOverrides, NO_DECISIONS } from './commit-gate.ts';

const offeredGcj = {
  crs: { crs: 'GCJ-02', basis: 'suggested' as const, reason: 'GCJ-02 suggested', confirmed: false },
  swap: { swap: false, offered: false, reason: null },
  problems: [
    { row: null, field: 'crs', reason: 'GCJ-02 suggested', severity: 'error' },
  ] as DataProblem[],
  problemsTruncated: false,
};

describe('commit gate', () => {
  it('blocks an offered CRS until the user confirms one, saying why', () => {
    const blockers = commitBlockers(offeredGcj, NO_DECISIONS);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toContain('坐标系尚未确认');
    expect(blockers[0]).toContain('GCJ-02 suggested');
    expect(commitBlockers(offeredGcj, { ...NO_DECISIONS, crs: 'GCJ-02' })).toEqual([]);
  });

  it('blocks an offered x/y swap until answered either way', () => {
    const report = {
      ...offeredGcj,
      crs: { crs: 'EPSG:4326', basis: 'default' as const, reason: '', confirmed: true },
      swap: { swap: true, offered: true, reason: 'x/y look swapped' },
      problems: [
        { row: null, field: 'swapXY', reason: 'x/y look swapped', severity: 'error' },
      ] as DataProblem[],
    };
    expect(commitBlockers(report, NO_DECISIONS)).toEqual([expect.stringContaining('x/y')]);
    expect(commitBlockers(report, { ...NO_DECISIONS, swap: 'keep' })).toEqual([]);
  });

  it('counts data errors and lets an edited mapping try again', () => {
    const report = {
      ...offeredGcj,
      problems: [
        ...offeredGcj.problems,
        { row: 3, field: '经度', reason: 'not a number: "abc"', severity: 'error' },
        { row: 4, field: '地址', reason: 'empty', severity: 'warning' },
      ] as DataProblem[],
    };
    const decided = { ...NO_DECISIONS, crs: 'GCJ-02' };
    expect(commitBlockers(report, decided)).toEqual([expect.stringContaining('1 个错误')]);
    expect(commitBlockers(report, { ...decided, mapping: { x: '经度2' } })).toEqual([]);
  });

  it('sends only what the user decided, and no category left without categories', () => {
    expect(commitOverrides(NO_DECISIONS)).toEqual({});
    expect(
      commitOverrides({
        crs: 'EPSG:4527',
        swap: 'keep',
        mapping: { name: '店名' },
        categoryMapping: { 便利店: ['tobacco'], 超市: [] },
      }),
    ).toEqual({
      crs: 'EPSG:4527',
      swapXY: false,
      mapping: { name: '店名' },
      categoryMapping: { 便利店: ['tobacco'] },
    });
  });
});
