import { describe, expect, it } from 'vitest';
import { forkRng, mulberry32 } from './rng.ts';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });

  it('gives stages different streams from one seed', () => {
    expect(forkRng(1, 'roads').next()).not.toBe(forkRng(1, 'schools').next());
  });

  it('keeps int() within both inclusive bounds and reaches them', () => {
    const rng = mulberry32(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => mulberry32(1).pick([])).toThrow(/non-empty/);
  });
});
