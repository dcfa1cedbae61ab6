import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Point, Polygon, Position } from '@atlas/model';
import { displayRing } from './display-ring.ts';
import { geodesicRing } from './geodesic-ring.ts';
import { geodesicDistanceToArealM } from './distance-to-areal.ts';
import { geodesicDistanceToLineM } from './distance-to-line.ts';
import { geodesicDistanceM } from './geodesic.ts';
import { pointInAreal } from './point-in-areal.ts';
import { metres } from './units.ts';
import { campus, destination } from './testing/arbitraries.ts';

/** Display vertices lie on the true geodesic offset (measured ≈ 1 mm: Clipper's mm rounding). */
const VERTEX_TOLERANCE_M = 0.01;
/** The display ring's edges sag at most 0.5 m inside the curve: exact vertices are that close to it. */
const OUTLINE_GAP_M = 0.5;
/**
 * The other way is looser where two zones meet: geodesicRing's edge bridges the notch (up to its
 * 0.5 m tolerance outside the curve, measured along the distance), which is farther from the
 * notch's tip, where the display ring has its vertex (0.79 m for two 100 m squares 50 m apart, d = 30 m).
 */
const NOTCH_GAP_M = 1;
const DEVIATION_M = 0.5;
/** Random campuses (holes, two parts, up to 800 m) with an exact ring each: a few dozen ms a run. */
const RUNS = 25;
/** A micrometre of slack for the exact distance functions themselves. */
const SLACK_M = 1e-6;
const LATITUDES = [18, 30, 53];
const DISTANCES_M = [30, 200, 1000];

type Area = Point | Polygon | MultiPolygon;

/** A ring from [east, north] offsets in metres from a corner, closed. */
function outline(corner: Position, offsets: [number, number][]): Position[] {
  const ring = offsets.map(([e, n]) => destination(destination(corner, 90, e), 0, n));
  return [...ring, ring[0]!];
}
const square = (corner: Position, sideM: number) =>
  outline(corner, [
    [0, 0],
    [sideM, 0],
    [sideM, sideM],
    [0, sideM],
  ]);

/** The test shapes, their south-west corner at latitude lat. */
function shapes(lat: number): Record<string, Area> {
  const c: Position = [114.3, lat];
  return {
    square: { type: 'Polygon', coordinates: [square(c, 120)] },
    // 300 m L: a 200 m square bitten out of the north-east (clockwise on purpose)
    'concave L': {
      type: 'Polygon',
      coordinates: [
        outline(c, [
          [0, 0],
          [0, 300],
          [100, 300],
          [100, 100],
          [300, 100],
          [300, 0],
        ]),
      ],
    },
    // a U whose 40 m mouth closes at every distance, over a 200 m wide yard: a pocket, no hole
    'closing U': {
      type: 'Polygon',
      coordinates: [
        outline(c, [
          [0, 0],
          [300, 0],
          [300, 300],
          [170, 300],
          [170, 280],
          [280, 280],
          [280, 20],
          [20, 20],
          [20, 280],
          [130, 280],
          [130, 300],
          [0, 300],
        ]),
      ],
    },
    'thin sliver': {
      type: 'Polygon',
      coordinates: [
        outline(c, [
          [0, 0],
          [500, 40],
          [499, 42],
        ]),
      ],
    },
    // 50 m apart: their zones merge at every distance
    'merging parts': {
      type: 'MultiPolygon',
      coordinates: [[square(c, 100)], [square(destination(c, 90, 150), 100)]],
    },
    // 2.5 km apart: their zones stay apart at every distance
    'separate parts': {
      type: 'MultiPolygon',
      coordinates: [[square(c, 100)], [square(destination(c, 60, 2600), 100)]],
    },
    point: { type: 'Point', coordinates: c },
    // gates are points on the campus edge: each gets its own circle
    gate: { type: 'Point', coordinates: destination(c, 90, 60) },
  };
}

const ringsOf = (zone: Polygon | MultiPolygon) =>
  (zone.type === 'Polygon' ? [zone.coordinates] : zone.coordinates).map((p) => p[0]!);

const distanceTo = (area: Area) => (p: Position) =>
  area.type === 'Point'
    ? geodesicDistanceM(p, area.coordinates)
    : geodesicDistanceToArealM(p, area).distanceM;

/** Twice the signed area in degrees² (> 0: anticlockwise). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

/** The farthest any vertex of one set of rings lies from the nearest ring of the other. */
function oneWayGapM(from: Position[][], to: Position[][]): number {
  let worst = 0;
  for (const ring of from)
    for (const v of ring)
      worst = Math.max(worst, Math.min(...to.map((r) => geodesicDistanceToLineM(v, r).distanceM)));
  return worst;
}

describe('displayRing', () => {
  for (const lat of LATITUDES)
    for (const [name, area] of Object.entries(shapes(lat)))
      it(`draws the ${name} at ${lat}°N as geodesicRing does: vertices on the offset, exact vertices within 0.5 m`, () => {
        const dist = distanceTo(area);
        for (const d of DISTANCES_M) {
          const display = displayRing(area as MultiPolygon, metres(d));
          const exact = geodesicRing(area as MultiPolygon, metres(d));
          expect(display.type).toBe(exact.type);
          const rings = ringsOf(display);
          expect(rings).toHaveLength(ringsOf(exact).length);
          for (const ring of rings) {
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            expect(signedArea(ring)).toBeGreaterThan(0);
            for (const v of ring) expect(Math.abs(dist(v) - d)).toBeLessThan(VERTEX_TOLERANCE_M);
            // edges bulge nowhere outside the zone, and sag at most DEVIATION_M inside it
            for (let i = 0; i + 1 < ring.length; i++) {
              const [a, b] = [ring[i]!, ring[i + 1]!];
              const mid = dist([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
              expect(mid).toBeLessThan(d + VERTEX_TOLERANCE_M);
              expect(mid).toBeGreaterThan(d - DEVIATION_M - VERTEX_TOLERANCE_M);
            }
          }
          expect(oneWayGapM(rings, ringsOf(exact))).toBeLessThan(NOTCH_GAP_M);
          expect(oneWayGapM(ringsOf(exact), rings)).toBeLessThan(OUTLINE_GAP_M + SLACK_M);
          const campus = area.type === 'Point' ? [[area.coordinates]] : ringsOf(area);
          for (const v of campus.flat()) expect(pointInAreal(v, display)).toBe(true);
        }
      });

  it('outlines random campuses (holes, two parts) like geodesicRing: vertices on the offset, edges within 0.5 m inside', () => {
    fc.assert(
      fc.property(campus, fc.double({ min: 20, max: 1000, noNaN: true }), ({ area }, d) => {
        const display = displayRing(area as MultiPolygon, metres(d));
        expect(ringsOf(display)).toHaveLength(
          ringsOf(geodesicRing(area as MultiPolygon, metres(d))).length,
        );
        const dist = distanceTo(area);
        for (const ring of ringsOf(display)) {
          for (const v of ring) expect(Math.abs(dist(v) - d)).toBeLessThan(VERTEX_TOLERANCE_M);
          for (let i = 0; i + 1 < ring.length; i++) {
            const [a, b] = [ring[i]!, ring[i + 1]!];
            const mid = dist([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
            expect(mid).toBeGreaterThan(d - DEVIATION_M - VERTEX_TOLERANCE_M);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('lists the northernmost zone first, as geodesicRing does', () => {
    const c: Position = [104.06, 30.67];
    const south: Position[] = square(c, 100);
    const north: Position[] = square(destination(c, 0, 3000), 100);
    const zone = displayRing(
      { type: 'MultiPolygon', coordinates: [[south], [north]] },
      metres(200),
    );
    const rings = ringsOf(zone);
    expect(rings).toHaveLength(2);
    expect(pointInAreal(north[0]!, { type: 'Polygon', coordinates: [rings[0]!] })).toBe(true);
  });

  it('draws edges closer to the curve when asked for a smaller deviation', () => {
    const area: Polygon = { type: 'Polygon', coordinates: [square([120.15, 30.28], 120)] };
    const coarse = ringsOf(displayRing(area, metres(200)))[0]!;
    const fine = ringsOf(displayRing(area, metres(200), { maxDeviationM: metres(0.05) }))[0]!;
    expect(fine.length).toBeGreaterThan(2 * coarse.length);
  });

  it('throws on a distance or deviation that is not positive', () => {
    const p: Point = { type: 'Point', coordinates: [110, 30] };
    expect(() => displayRing(p, metres(0))).toThrow(/positive finite distanceM/);
    expect(() => displayRing(p, metres(50), { maxDeviationM: metres(-1) })).toThrow(
      /positive maxDeviationM/,
    );
  });
});
