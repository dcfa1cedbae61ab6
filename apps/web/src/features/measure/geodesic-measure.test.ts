import { describe, expect, it } from 'vitest';
import { pathLengthM, polygonAreaM2 } from './geodesic-measure.ts';

describe('geodesic measuring', () => {
  it('measures one degree of latitude along a meridian at the equator as 110 574 m', () => {
    expect(
      pathLengthM([
        [0, 0],
        [0, 1],
      ]),
    ).toBeCloseTo(110_574.389, 2);
  });

  it('adds the legs of a path', () => {
    const a = pathLengthM([
      [111.3, 30.8],
      [111.31, 30.8],
    ]);
    const b = pathLengthM([
      [111.31, 30.8],
      [111.31, 30.81],
    ]);
    expect(
      pathLengthM([
        [111.3, 30.8],
        [111.31, 30.8],
        [111.31, 30.81],
      ]),
    ).toBeCloseTo(a + b, 9);
  });

  it('gives a 0.01° square at 30.8° N about 1.02 km², whichever way it is drawn', () => {
    const square: [number, number][] = [
      [111.3, 30.8],
      [111.31, 30.8],
      [111.31, 30.81],
      [111.3, 30.81],
    ];
    const { areaM2 } = polygonAreaM2(square);
    expect(areaM2).toBeGreaterThan(1.0e6);
    expect(areaM2).toBeLessThan(1.1e6);
    expect(polygonAreaM2([...square].reverse()).areaM2).toBeCloseTo(areaM2, 3);
  });

  it('calls fewer than three points no area', () => {
    expect(
      polygonAreaM2([
        [111.3, 30.8],
        [111.31, 30.8],
      ]).areaM2,
    ).toBe(0);
  });
});
