import { describe, expect, it } from 'vitest';
import { clipLine, clipRing } from './clip.ts';

describe('clip', () => {
  it('cuts a line that leaves and re-enters the box into two parts on the edges', () => {
    //  in → out (above) → back in
    const line = [2, 5, 5, 5, 5, 12, 8, 12, 8, 5];
    expect(clipLine(line, 0, 10)).toEqual([
      [2, 5, 5, 5, 5, 10],
      [8, 10, 8, 5],
    ]);
  });

  it('keeps nothing of a line wholly outside the box', () => {
    expect(clipLine([20, 20, 30, 30], 0, 10)).toEqual([]);
  });

  it('cuts a ring larger than the box to the box, still closed', () => {
    const ring = [-5, -5, 15, -5, 15, 15, -5, 15, -5, -5];
    const clipped = clipRing(ring, 0, 10)!;
    expect(clipped.slice(0, 2)).toEqual(clipped.slice(-2));
    for (const v of clipped) expect([0, 10]).toContain(v);
  });

  it('answers null for a ring wholly outside the box', () => {
    expect(clipRing([20, 20, 30, 20, 30, 30, 20, 20], 0, 10)).toBeNull();
  });
});
