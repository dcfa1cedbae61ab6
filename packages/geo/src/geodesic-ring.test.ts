import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from '@atlas/model';
import { geodesicRing } from './geodesic-ring.ts';
import { geodesicDistanceToArealM } from './distance-to-areal.ts';
import { pointInAreal } from './point-in-areal.ts';
import { metres } from './units.ts';
import { campus, destination } from './testing/arbitraries.ts';
import { oracleDistanceM } from './testing/oracle.ts';

const VERTEX_TOLERANCE_M = 0.1;
/** Edges may stray 0.5 m from the true offset curve; checked at five points along each edge. */
const EDGE_TOLERANCE_M = 0.5;
const EDGE_PROBES = [0.1, 0.3, 0.5, 0.7, 0.9];
/** Each run traces a ring and probes ~1,000 points; 250 runs passed once by hand (RUNS raised). */
const RUNS = 15;

function expectOffsetOutline(ring: Position[], distanceTo: (p: Position) => number, d: number) {
  expect(ring[0]).toEqual(ring[ring.length - 1]);
  for (const v of ring) expect(Math.abs(distanceTo(v) - d)).toBeLessThan(VERTEX_TOLERANCE_M);
  for (let i = 0; i + 1 < ring.length; i++) {
    for (const f of EDGE_PROBES) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const q: Position = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
      expect(Math.abs(distanceTo(q) - d)).toBeLessThan(EDGE_TOLERANCE_M);
    }
  }
}

const ringsOf = (zone: Polygon | MultiPolygon) =>
  zone.type === 'Polygon' ? [zone.coordinates] : zone.coordinates;

describe('geodesicRing', () => {
  it('draws a geodesic circle around a point, anticlockwise, every vertex at the radius', () => {
    const centre: Position = [126.63, 45.75]; // Harbin: degrees of longitude are short here
    const zone = geodesicRing({ type: 'Point', coordinates: centre }, metres(200));
    const ring = zone.coordinates[0]!;
    expectOffsetOutline(ring, (p) => oracleDistanceM(p, centre), 200);
    expect(pointInAreal(centre, zone)).toBe(true);
    expect(ring[1]![0]).toBeLessThan(ring[0]![0]); // first step from north goes west: anticlockwise
  });

  it('outlines random campuses (holes, two parts) at the zone distance, containing the campus', () => {
    fc.assert(
      fc.property(campus, fc.double({ min: 20, max: 300, noNaN: true }), ({ area }, d) => {
        const zone = geodesicRing(area as MultiPolygon, metres(d));
        for (const [ring] of ringsOf(zone)) {
          expectOffsetOutline(ring!, (p) => geodesicDistanceToArealM(p, area).distanceM, d);
        }
        for (const part of ringsOf(area))
          for (const v of part[0]!) expect(pointInAreal(v, zone)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('follows a notch wider than the zone instead of bridging it', () => {
    // A U-shaped campus, 600 m wide with a 300 m wide, 400 m deep notch; a 50 m zone keeps the notch.
    const sw: Position = [118.78, 32.04];
    const at = (eastM: number, northM: number) =>
      destination(destination(sw, 90, eastM), 0, northM);
    const outline = [
      at(0, 0),
      at(600, 0),
      at(600, 500),
      at(450, 500),
      at(450, 100),
      at(150, 100),
      at(150, 500),
      at(0, 500),
    ];
    const area: Polygon = { type: 'Polygon', coordinates: [[...outline, outline[0]!]] };
    const zone = geodesicRing(area, metres(50));
    expectOffsetOutline(
      zone.coordinates[0]!,
      (p) => geodesicDistanceToArealM(p, area).distanceM,
      50,
    );
    expect(pointInAreal(at(300, 300), zone)).toBe(false); // the middle of the notch is > 50 m from the campus
    expect(pointInAreal(at(300, 140), zone)).toBe(true); // 40 m above the notch floor
  });

  it('returns a MultiPolygon when the parts of a campus are farther apart than twice the zone', () => {
    const c: Position = [108.94, 34.26];
    const square = (centre: Position): Position[] => {
      const r = [45, 135, 225, 315].map((az) => destination(centre, az, 100));
      return [...r, r[0]!];
    };
    const parts = [[square(c)], [square(destination(c, 90, 1000))]];
    expect(geodesicRing({ type: 'MultiPolygon', coordinates: parts }, metres(200)).type).toBe(
      'MultiPolygon',
    );
    expect(geodesicRing({ type: 'MultiPolygon', coordinates: parts }, metres(500)).type).toBe(
      'Polygon',
    );
  });

  it('throws on a distance that is not positive', () => {
    expect(() => geodesicRing({ type: 'Point', coordinates: [110, 30] }, metres(0))).toThrow(
      /positive finite distanceM/,
    );
  });
});
