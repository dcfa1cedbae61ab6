import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Areal, MultiPolygon, Polygon, Position } from '@atlas/model';
import { pointInAreal } from './point-in-areal.ts';
import { alongGeodesic, campus, destination, nearCampus } from './testing/arbitraries.ts';
import { oracleInside, oracleArealDistanceM } from './testing/oracle.ts';

const RUNS = 400;
/** Points closer than this to an outline are left to the boundary tests below. */
const CLEAR_OF_BOUNDARY_M = 0.01;

const square = (centre: Position, halfM: number): Position[] => {
  const ring = [45, 135, 225, 315].map((az) => destination(centre, az, halfM * Math.SQRT2));
  return [...ring, ring[0]!];
};

describe('pointInAreal', () => {
  it('agrees with the geodesic winding number for random campuses, holes and multi-part campuses', () => {
    fc.assert(
      fc.property(
        campus.chain((c) => fc.tuple(fc.constant(c.area), nearCampus(c.centre))),
        ([area, p]) => {
          fc.pre(oracleInside(p, area) || oracleArealDistanceM(p, area) > CLEAR_OF_BOUNDARY_M);
          expect(pointInAreal(p, area)).toBe(oracleInside(p, area));
        },
      ),
      { numRuns: RUNS },
    );
  });

  const centre: Position = [116.4, 39.9];
  const withHole: Polygon = {
    type: 'Polygon',
    coordinates: [square(centre, 300), square(centre, 100)],
  };

  it('counts a point in a hole as outside and a point between hole and outline as inside', () => {
    expect(pointInAreal(centre, withHole)).toBe(false);
    expect(pointInAreal(destination(centre, 90, 200), withHole)).toBe(true);
    expect(pointInAreal(destination(centre, 90, 400), withHole)).toBe(false);
  });

  it('counts points on the outline, on the hole, and at vertices as inside', () => {
    const outer = withHole.coordinates[0]!;
    const hole = withHole.coordinates[1]!;
    expect(pointInAreal(outer[2]!, withHole)).toBe(true);
    expect(pointInAreal(hole[0]!, withHole)).toBe(true);
    // on the geodesic edge between two outline vertices, and on the hole's edge
    expect(pointInAreal(alongGeodesic(outer[0]!, outer[1]!, 0.37), withHole)).toBe(true);
    expect(pointInAreal(alongGeodesic(hole[1]!, hole[2]!, 0.5), withHole)).toBe(true);
  });

  it('finds a point in either part of a MultiPolygon and not between them', () => {
    const other = destination(centre, 90, 2000);
    const area: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(centre, 200)], [square(other, 200)]],
    };
    expect(pointInAreal(centre, area)).toBe(true);
    expect(pointInAreal(other, area)).toBe(true);
    expect(pointInAreal(destination(centre, 90, 1000), area)).toBe(false);
  });

  it('follows the geodesic, not the straight line in degrees, along a long east–west edge', () => {
    // A 20 km edge along 50° N: the geodesic bows ~8 m north of the parallel through its ends.
    const area: Areal = {
      type: 'Polygon',
      coordinates: [
        [
          [120, 50],
          [120.28, 50],
          [120.28, 49.9],
          [120, 49.9],
          [120, 50],
        ],
      ],
    };
    const justNorthOfParallel: Position = [120.14, 50 + 2 / 111_000]; // 2 m north of the parallel
    expect(oracleInside(justNorthOfParallel, area)).toBe(true);
    expect(pointInAreal(justNorthOfParallel, area)).toBe(true);
  });

  it('throws on a geometry that is not areal', () => {
    expect(() =>
      pointInAreal([110, 30], { type: 'Point', coordinates: [110, 30] } as unknown as Areal),
    ).toThrow(/expected a Polygon or MultiPolygon, got Point/);
  });
});
