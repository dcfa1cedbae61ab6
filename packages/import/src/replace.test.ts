import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_ROWS } from './limits.ts';
import { tempStore } from './testing.ts';

let t: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const SOURCE = '市场监管局 登记';
const V1 =
  '名称,类型,许可证号,经度,纬度\n甲网吧,网吧,L1,114.3201,30.3502\n乙烟酒,烟酒,L2,114.3212,30.3511\n丙彩票,彩票,L3,114.3223,30.3522\n';
const V2 = V1.replace(/乙烟酒.*\n/, '').replace('丙彩票,彩票', '丙彩票站,彩票');
const ids = async () => (await t.store.query('stores', { limit: 100 })).features.map((f) => f.id);

describe('re-importing a newer register', () => {
  it('keeps features the file no longer has by default, counting them', async () => {
    await t.run(t.file('v1.csv', V1), { layer: 'stores', source: SOURCE });
    const r = await t.run(t.file('v2.csv', V2), { layer: 'stores', source: SOURCE });
    expect(r.counts).toMatchObject({ unchanged: 1, updated: 1, removedFromSource: 1, removed: 0 });
    expect(await ids()).toEqual(['sto-L1', 'sto-L2', 'sto-L3']);
  });

  it('with replace, deletes exactly the features of that source the file no longer has', async () => {
    await t.run(t.file('v1.csv', V1), { layer: 'stores', source: SOURCE });
    await t.run(
      t.file('other.csv', '名称,类型,许可证号,经度,纬度\n丁网吧,网吧,L9,114.33,30.36\n'),
      {
        layer: 'stores',
        source: 'other register',
      },
    );
    const preview = await t.run(
      t.file('v2.csv', V2),
      { layer: 'stores', source: SOURCE, replace: true },
      'preview',
    );
    expect(preview.counts).toMatchObject({ removedFromSource: 1, removed: 1 });
    expect(await ids()).toHaveLength(4); // a preview deletes nothing
    const r = await t.run(t.file('v2.csv', V2), { layer: 'stores', source: SOURCE, replace: true });
    expect(r).toMatchObject({ committed: true, removedIds: ['sto-L2'] });
    expect(r.counts).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 1 });
    expect(await ids()).toEqual(['sto-L1', 'sto-L3', 'sto-L9']);
  });

  it('deletes nothing when the file has an error, replace or not', async () => {
    await t.run(t.file('v1.csv', V1), { layer: 'stores', source: SOURCE });
    const bad = V2 + '坏店,网吧,L4,abc,30.35\n';
    const r = await t.run(t.file('bad.csv', bad), {
      layer: 'stores',
      source: SOURCE,
      replace: true,
    });
    expect(r.committed).toBe(false);
    expect(await ids()).toEqual(['sto-L1', 'sto-L2', 'sto-L3']);
    expect((await t.store.get('stores', 'sto-L3'))!.properties.name).toBe('丙彩票');
  });
});

describe('cancelling', () => {
  it('stops at the next batch, writing nothing and saying so', async () => {
    const abort = new AbortController();
    abort.abort();
    const r = await t.run(t.file('v1.csv', V1), { layer: 'stores' }, 'commit', {
      signal: abort.signal,
    });
    expect(r.committed).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ row: null, reason: expect.stringMatching(/cancelled/) }),
    );
    expect(await ids()).toEqual([]);
  });
});

describe('earlier rows of a big file', () => {
  it('are found in the staging across batches: a repeated place is skipped, a repeated licence refused', async () => {
    const lines = ['名称,类型,许可证号,经度,纬度', '甲店,网吧,,114.3,30.3'];
    for (let row = 3; row <= BATCH_ROWS + 1; row++)
      lines.push(`店${row},网吧,L${row},${(114 + row / 1e5).toFixed(5)},30.4`);
    lines.push('甲店,网吧,,114.30001,30.3', '又一店,网吧,L5,114.5,30.5'); // rows BATCH_ROWS + 2, + 3
    const r = await t.run(t.file('big.csv', lines.join('\n')), { layer: 'stores' }, 'preview');
    expect(r.counts).toMatchObject({
      rows: BATCH_ROWS + 2,
      valid: BATCH_ROWS,
      errors: 1,
      warnings: 2, // the skipped row, and the file's unstated CRS
    });
    expect(r.problems.filter((p) => p.row !== null)).toEqual([
      expect.objectContaining({
        row: BATCH_ROWS + 2,
        severity: 'warning',
        reason: expect.stringMatching(/as row 2: skipped/),
      }),
      expect.objectContaining({
        row: BATCH_ROWS + 3,
        field: '许可证号',
        reason: 'duplicate 许可证号 "L5" (also row 5)',
      }),
    ]);
  });
});
