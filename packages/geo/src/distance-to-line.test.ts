import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { geodesicDistanceToLineM } from './distance-to-line.ts';
import { destination, lineAndPoint } from './testing/arbitraries.ts';
import { oracleDistanceM, oracleLineDistanceM } from './testing/oracle.ts';

const TOLERANCE_M = 1e-3;
const RUNS = 500;

describe('geodesicDistanceToLineM', () => {
  it('matches the brute-force oracle (nearest over all edges) for random polylines', () => {
    fc.assert(
      fc.property(lineAndPoint, ({ line, p }) => {
        const { distanceM, nearest } = geodesicDistanceToLineM(p, line);
        expect(Math.abs(distanceM - oracleLineDistanceM(p, line))).toBeLessThan(TOLERANCE_M);
        expect(Math.abs(oracleDistanceM(p, nearest) - distanceM)).toBeLessThan(TOLERANCE_M);
      }),
      { numRuns: RUNS },
    );
  });

  it('picks the nearer of two edges meeting at a vertex', () => {
    const v: Position = [121.47, 31.23];
    const line = [destination(v, 270, 800), v, destination(v, 0, 800)];
    const p = destination(v, 45, 100); // inside the corner: the vertex is not the nearest point
    const r = geodesicDistanceToLineM(p, line);
    expect(r.distanceM).toBeCloseTo(100 * Math.SQRT1_2, 1);
    expect(oracleDistanceM(r.nearest, v)).toBeGreaterThan(60);
  });

  it('treats a one-position line as a point', () => {
    const v: Position = [87.6, 43.8];
    expect(geodesicDistanceToLineM(destination(v, 10, 250), [v]).distanceM).toBeCloseTo(250, 6);
  });

  it('throws on an empty line', () => {
    expect(() => geodesicDistanceToLineM([110, 30], [])).toThrow(/expected a line of at least one/);
  });
});
