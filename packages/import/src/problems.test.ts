import { describe, expect, it } from 'vitest';
import { Problems } from './problems.ts';

describe('Problems', () => {
  it('lists problems in row order, file-level first, those of one row as found', () => {
    const p = new Problems();
    p.error(7, 'a', 'seven');
    p.warn(2, 'b', 'two');
    p.error(null, null, 'file');
    p.error(2, 'c', 'two again');
    expect(p.list.map((x) => x.reason)).toEqual(['file', 'two', 'two again', 'seven']);
  });

  it('keeps the earliest rows when full, even when found late, with exact counts', () => {
    const p = new Problems(3);
    for (const row of [10, 11, 12, 13, 14]) p.error(row, 'f', `row ${row}`);
    p.error(4, 'key', 'repeated key'); // found after the reading
    p.warn(12, 'g', 'same row as one kept'); // not earlier than the latest kept
    expect(p.list.map((x) => x.row)).toEqual([4, 10, 11]);
    expect([p.errors, p.warnings, p.truncated]).toEqual([6, 1, true]);
  });
});
