import { describe, expect, it } from 'vitest';
import { geodesicDistanceM } from '@atlas/geo';
import type { Areal, Position } from '@atlas/model';
import { measure } from './measure.ts';
import { at, outsideNE, squareCampus } from './test-fixtures.ts';

const C: Position = [114.3, 30.6];
const ring = squareCampus(C, 50);
const campus: Areal = { type: 'Polygon', coordinates: [ring] };
const origin = { kind: 'areal' as const, areal: campus };

describe('measure', () => {
  it('is 0 for a point inside, at the point itself', () => {
    expect(measure(origin, { kind: 'point', point: C })).toEqual({
      distanceM: 0,
      originPoint: C,
      targetPoint: C,
    });
  });

  it('respects holes: a point in a courtyard hole is outside the campus', () => {
    const holed: Areal = { type: 'Polygon', coordinates: [ring, squareCampus(C, 20).reverse()] };
    const m = measure({ kind: 'areal', areal: holed }, { kind: 'point', point: C });
    expect(m.distanceM).toBeGreaterThan(19.9);
    expect(m.distanceM).toBeLessThan(20.1);
  });

  it('takes the nearest part of a multi-part campus', () => {
    const far = squareCampus(at(C, 90, 1000), 50);
    const multi: Areal = { type: 'MultiPolygon', coordinates: [[far], [ring]] };
    const p = outsideNE(ring, 77);
    expect(
      measure({ kind: 'areal', areal: multi }, { kind: 'point', point: p }).distanceM,
    ).toBeCloseTo(77, 6);
  });

  it('finds the gap between two outlines corner to corner', () => {
    const other = squareCampus(outsideNE(ring, 100), 30);
    const m = measure(origin, { kind: 'areal', areal: { type: 'Polygon', coordinates: [other] } });
    expect(m.distanceM).toBeCloseTo(100 - 30 * Math.SQRT2, 6);
    expect(geodesicDistanceM(m.originPoint, m.targetPoint)).toBeCloseTo(m.distanceM, 6);
  });

  it('is 0 where a line crosses the outline without a vertex inside', () => {
    const line = [at(C, 270, 400), at(C, 90, 400)];
    expect(measure(origin, { kind: 'line', line }).distanceM).toBe(0);
  });

  it('is 0 for a campus lying wholly inside a target area', () => {
    const lake: Areal = { type: 'Polygon', coordinates: [squareCampus(C, 500)] };
    expect(measure(origin, { kind: 'areal', areal: lake }).distanceM).toBe(0);
  });

  it('measures a line passing beside the campus to the nearest campus vertex', () => {
    const north = at(C, 0, 130); // the north wall is ~50 m from C
    const line = [at(north, 270, 400), at(north, 90, 400)];
    const m = measure(origin, { kind: 'line', line });
    expect(m.distanceM).toBeGreaterThan(79);
    expect(m.distanceM).toBeLessThan(81);
    expect(geodesicDistanceM(m.originPoint, m.targetPoint)).toBeCloseTo(m.distanceM, 6);
  });

  it('takes the nearest of several gate points', () => {
    const gates = [at(C, 0, 50), at(C, 180, 50)];
    const p = at(C, 180, 130);
    const m = measure({ kind: 'points', points: gates }, { kind: 'point', point: p });
    expect(m.distanceM).toBeCloseTo(80, 6);
    expect(m.originPoint).toEqual(gates[1]);
  });
});
