import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { geodesicDistanceToSegmentM } from './distance-to-segment.ts';
import { destination, segmentAndPoint } from './testing/arbitraries.ts';
import { oracleDistanceM, oracleSegmentDistanceM } from './testing/oracle.ts';

/** The contract is 0.1 m; the walk converges to micrometres, so hold it to a millimetre. */
const TOLERANCE_M = 1e-3;
const RUNS = 2000;

describe('geodesicDistanceToSegmentM', () => {
  it('matches the brute-force GeographicLib oracle for random segments and points up to 5 km away', () => {
    fc.assert(
      fc.property(segmentAndPoint, ({ a, b, p }) => {
        const { distanceM, nearest } = geodesicDistanceToSegmentM(p, a, b);
        expect(Math.abs(distanceM - oracleSegmentDistanceM(p, a, b))).toBeLessThan(TOLERANCE_M);
        // the reported nearest point is at that distance and lies on the segment
        expect(Math.abs(oracleDistanceM(p, nearest) - distanceM)).toBeLessThan(TOLERANCE_M);
        expect(oracleSegmentDistanceM(nearest, a, b)).toBeLessThan(TOLERANCE_M);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns the endpoint and its distance when the foot falls beyond the segment', () => {
    const a: Position = [116.3, 39.9];
    const b = destination(a, 90, 1000);
    const p = destination(a, 200, 300); // behind a, south-west
    const r = geodesicDistanceToSegmentM(p, a, b);
    expect(r.nearest).toEqual(a);
    expect(r.distanceM).toBeCloseTo(300, 6);
  });

  it('finds the perpendicular foot in the middle of a long east–west segment, where the geodesic bulges north', () => {
    const a: Position = [120, 50];
    const b: Position = [120.07, 50]; // ~5 km along the parallel; the geodesic bows ~0.5 m poleward
    const p: Position = [(a[0] + b[0]) / 2, 50]; // on the parallel, i.e. south of the geodesic
    const r = geodesicDistanceToSegmentM(p, a, b);
    expect(r.distanceM).toBeGreaterThan(0.3);
    expect(Math.abs(r.distanceM - oracleSegmentDistanceM(p, a, b))).toBeLessThan(TOLERANCE_M);
  });

  it('is zero at a vertex and at a point on the segment', () => {
    const a: Position = [113.26, 23.13];
    const b = destination(a, 37, 2500);
    expect(geodesicDistanceToSegmentM(a, a, b).distanceM).toBe(0);
    expect(geodesicDistanceToSegmentM(b, a, b).distanceM).toBeLessThan(1e-6);
    const on = destination(a, 37, 1234.5);
    const r = geodesicDistanceToSegmentM(on, a, b);
    expect(r.distanceM).toBeLessThan(1e-6);
    expect(oracleDistanceM(r.nearest, on)).toBeLessThan(1e-6);
  });

  it('treats a zero-length segment as its point', () => {
    const a: Position = [104.06, 30.67];
    const p = destination(a, 123, 456.7);
    const r = geodesicDistanceToSegmentM(p, a, [a[0], a[1]]);
    expect(r.distanceM).toBeCloseTo(456.7, 6);
    expect(r.nearest).toEqual(a);
  });

  it('throws naming the argument when a position is not two finite numbers', () => {
    expect(() => geodesicDistanceToSegmentM([NaN, 30], [110, 30], [110.01, 30])).toThrow(
      /p: expected a \[lng, lat\]/,
    );
    expect(() =>
      geodesicDistanceToSegmentM([110, 30], [110, 30], [110.01] as unknown as Position),
    ).toThrow(/ b:/);
  });
});
