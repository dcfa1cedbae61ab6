import { describe, expect, it } from 'vitest';
import { labelPoint } from './label-point.ts';

describe('labelPoint', () => {
  it('puts the name inside a U-shaped area, where the centroid would fall outside', () => {
    // A "U": two arms joined at the bottom; the middle of its bounding box is in the gap.
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ] as [number, number][],
      ],
    };
    const [x, y] = labelPoint(u);
    const inGap = x > 1 && x < 2 && y > 1;
    expect(inGap).toBe(false);
    expect(x >= 0 && x <= 3 && y >= 0 && y <= 3).toBe(true);
  });

  it('uses the largest part of a multipolygon', () => {
    const small = [
      [
        [10, 10],
        [10.1, 10],
        [10.1, 10.1],
        [10, 10.1],
        [10, 10],
      ],
    ] as [number, number][][];
    const large = [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ] as [number, number][][];
    const [x, y] = labelPoint({ type: 'MultiPolygon', coordinates: [small, large] });
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(2);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(2);
  });
});
