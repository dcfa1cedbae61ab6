import { describe, expect, it } from 'vitest';
import { fitProjection, linePath } from './svg-projection.ts';

describe('fitProjection', () => {
  it('puts north-west at the origin and keeps ground proportions at 60° N (x halved)', () => {
    const p = fitProjection([10, 59.99, 10.02, 60.01], 200);
    expect(p.project([10, 60.01])).toEqual([0, 0]);
    const [x, y] = p.project([10.02, 59.99]);
    expect(x).toBeCloseTo(y / 2, 6);
    expect([p.width, p.height]).toEqual([100, 200]);
  });

  it('writes a line as SVG path data', () => {
    const p = fitProjection([0, 0, 1, 1], 100);
    expect(
      linePath(
        [
          [0, 1],
          [1, 0],
        ],
        p.project,
      ),
    ).toBe('M0.0,0.0L100.0,100.0');
  });
});
