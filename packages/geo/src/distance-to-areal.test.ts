import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from '@atlas/model';
import { geodesicDistanceToArealM } from './distance-to-areal.ts';
import { alongGeodesic, campus, destination, nearCampus } from './testing/arbitraries.ts';
import { oracleArealDistanceM, oracleDistanceM, oracleInside } from './testing/oracle.ts';

const TOLERANCE_M = 1e-3;
const RUNS = 500;

const square = (centre: Position, halfM: number): Position[] => {
  const ring = [45, 135, 225, 315].map((az) => destination(centre, az, halfM * Math.SQRT2));
  return [...ring, ring[0]!];
};

describe('geodesicDistanceToArealM', () => {
  it('matches the brute-force oracle for random campuses (holes, two parts) and points up to 5 km away', () => {
    fc.assert(
      fc.property(
        campus.chain((c) => fc.tuple(fc.constant(c.area), nearCampus(c.centre))),
        ([area, p]) => {
          const r = geodesicDistanceToArealM(p, area);
          const expected = oracleArealDistanceM(p, area);
          expect(Math.abs(r.distanceM - expected)).toBeLessThan(TOLERANCE_M);
          expect(r.inside).toBe(oracleInside(p, area));
          expect(Math.abs(oracleDistanceM(p, r.nearest) - r.distanceM)).toBeLessThan(TOLERANCE_M);
        },
      ),
      { numRuns: RUNS },
    );
  });

  const centre: Position = [114.06, 22.54];
  const withHole: Polygon = {
    type: 'Polygon',
    coordinates: [square(centre, 300), square(centre, 100)],
  };

  it('is zero with nearest = p inside, and on the boundary', () => {
    const p = destination(centre, 0, 200);
    expect(geodesicDistanceToArealM(p, withHole)).toEqual({
      distanceM: 0,
      nearest: p,
      inside: true,
    });
    const onEdge = alongGeodesic(withHole.coordinates[0]![1]!, withHole.coordinates[0]![2]!, 0.5);
    expect(geodesicDistanceToArealM(onEdge, withHole).inside).toBe(true);
    expect(geodesicDistanceToArealM(withHole.coordinates[0]![3]!, withHole).distanceM).toBe(0);
  });

  it('measures from inside a hole to the hole’s ring, not the outline', () => {
    const p = destination(centre, 0, 40); // 60 m south of the hole's north edge
    const r = geodesicDistanceToArealM(p, withHole);
    expect(r.inside).toBe(false);
    expect(r.distanceM).toBeCloseTo(60, 0);
  });

  it('measures to the nearer part of a MultiPolygon', () => {
    const other = destination(centre, 90, 3000);
    const area: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(centre, 200)], [square(other, 200)]],
    };
    const p = destination(other, 0, 500); // 300 m north of the second part
    const r = geodesicDistanceToArealM(p, area);
    expect(r.distanceM).toBeCloseTo(300, 0);
    expect(oracleDistanceM(r.nearest, other)).toBeLessThan(250);
  });

  it('measures to a vertex when that is nearest', () => {
    const ring = square(centre, 300);
    const p = destination(ring[0]!, 45, 700); // beyond the north-east corner, on its diagonal
    const r = geodesicDistanceToArealM(p, { type: 'Polygon', coordinates: [ring] });
    expect(r.distanceM).toBeCloseTo(700, 3);
    expect(oracleDistanceM(r.nearest, ring[0]!)).toBeLessThan(1e-3);
  });
});
