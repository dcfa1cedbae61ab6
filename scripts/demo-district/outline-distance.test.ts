import { degrees, geodesicDestination, metres } from '@atlas/geo';
import type { Areal, Position } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { outlineDistanceM } from './outline-distance.ts';

// A 0.002° square whose edges run along meridians and parallels, with a square hole.
const W = 111.3;
const S = 30.8;
const D = 0.002;
const square: Position[] = [
  [W, S],
  [W + D, S],
  [W + D, S + D],
  [W, S + D],
  [W, S],
];
const hole: Position[] = [
  [W + 0.0008, S + 0.0008],
  [W + 0.0008, S + 0.0012],
  [W + 0.0012, S + 0.0012],
  [W + 0.0012, S + 0.0008],
  [W + 0.0008, S + 0.0008],
];
const campus: Areal = { type: 'Polygon', coordinates: [square, hole] };

describe('independent outline distance', () => {
  it('measures a point due north of an edge midpoint by the meridian distance', () => {
    // Symmetry puts the nearest point of the northern parallel edge at its midpoint.
    const p = geodesicDestination([W + D / 2, S + D], degrees(0), metres(30));
    expect(outlineDistanceM(p, campus)).toBeCloseTo(30, 3);
  });

  it('returns 0 inside the campus but a positive distance inside its hole', () => {
    expect(outlineDistanceM([W + 0.0003, S + 0.0003], campus)).toBe(0);
    const inHole = outlineDistanceM([W + 0.001, S + 0.001], campus);
    expect(inHole).toBeGreaterThan(15);
    expect(inHole).toBeLessThan(25);
  });

  it('takes the nearest part of a MultiPolygon', () => {
    const far: Position[] = square.map(([x, y]) => [x + 0.01, y]);
    const multi: Areal = { type: 'MultiPolygon', coordinates: [[far], [square]] };
    const p = geodesicDestination([W + D / 2, S + D], degrees(0), metres(12.5));
    expect(outlineDistanceM(p, multi)).toBeCloseTo(12.5, 3);
  });
});
