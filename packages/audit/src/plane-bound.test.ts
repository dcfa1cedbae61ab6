import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geodesicDistanceM, geodesicDistanceToArealM, geodesicInverse } from '@atlas/geo';
import type { Areal, Position } from '@atlas/model';
import type { OriginGeometry } from './measure.ts';
import { boundDistance, emptyBound } from './plane-bound.ts';
import { ShapeTable } from './plane-shapes.ts';
import { at } from './test-fixtures.ts';

// The plane bound against GeographicLib: the exact distance always lies in [lo, hi], the
// geodesic edges stay within their sagitta bound of the chords, and the interval is narrow
// enough to decide almost every pair without an exact walk.

const DEG = Math.PI / 180;
/** Width allowed at distance d and latitude φ: the derivation's ≈ G·d²/R, G ≈ tan φ + 0.01,
 *  plus the sagitta of campus edges (≤ 1 cm here). At 200 m and 30°N that is 5 mm. */
const widthAllowedM = (d: number, latDeg: number) =>
  (1.5 * (Math.tan(Math.abs(latDeg) * DEG + 0.002) + 0.0102) * d * d) / 6.35e6 + 0.01;

const centre = fc.record({
  lng: fc.double({ min: 73, max: 135, noNaN: true }),
  lat: fc.double({ min: -60, max: 60, noNaN: true }),
});

/** A star-shaped campus (simple), optionally with a hole, or two parts. */
const campus = fc.record({
  c: centre,
  n: fc.integer({ min: 3, max: 12 }),
  radii: fc.array(fc.double({ min: 20, max: 900, noNaN: true }), { minLength: 12, maxLength: 12 }),
  turn: fc.double({ min: 0, max: 360, noNaN: true }),
  shape: fc.constantFrom('plain', 'hole', 'two-parts'),
});

function starRing(c: Position, n: number, radii: number[], turn: number): Position[] {
  const ring = Array.from({ length: n }, (_, k) => at(c, turn + (360 * k) / n, radii[k]!));
  return [...ring, ring[0]!];
}

type Campus = typeof campus extends fc.Arbitrary<infer T> ? T : never;

function areal(x: Campus): Areal {
  const c: Position = [x.c.lng, x.c.lat];
  const outer = starRing(c, x.n, x.radii, x.turn);
  if (x.shape === 'plain') return { type: 'Polygon', coordinates: [outer] };
  const smallest = Math.min(...x.radii.slice(0, x.n));
  const inner = starRing(c, 6, Array(12).fill(smallest / 3), x.turn).reverse();
  if (x.shape === 'hole') return { type: 'Polygon', coordinates: [outer, inner] };
  const far = starRing(at(c, 90, 2500), 5, x.radii.slice(5), x.turn);
  return { type: 'MultiPolygon', coordinates: [[outer], [far]] };
}

/** The bound from a fresh table holding only this origin. */
function bound(origin: OriginGeometry, p: Position) {
  const table = new ShapeTable();
  return boundDistance(table, table.add(origin), p[0], p[1], emptyBound());
}

describe('boundDistance', () => {
  it('holds the exact distance to an outline (0 inside, holes, two parts) for points up to 3 km', () => {
    let decided = 0;
    let total = 0;
    fc.assert(
      fc.property(
        campus,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (x, azimuth, distanceM) => {
          const area = areal(x);
          const p = at([x.c.lng, x.c.lat], azimuth, distanceM);
          const b = bound({ kind: 'areal', areal: area }, p);
          const exact = geodesicDistanceToArealM(p, area);
          const d = exact.inside ? 0 : exact.distanceM;
          total++;
          if (!b.decided) return;
          decided++;
          expect(b.loM).toBeLessThanOrEqual(d);
          expect(b.hiM).toBeGreaterThanOrEqual(d);
          expect(b.hiM - b.loM).toBeLessThanOrEqual(widthAllowedM(d, p[1]));
          // the reported nearest point is on the outline, for drawing: within the interval too
          if (d > 0)
            expect(geodesicDistanceM(p, [b.nearLng, b.nearLat])).toBeLessThan(b.hiM + 0.01);
        },
      ),
      { numRuns: 3000, seed: 20251123 },
    );
    expect(decided / total).toBeGreaterThan(0.99);
  });

  it('holds the exact distance to the nearest of several points', () => {
    fc.assert(
      fc.property(
        centre,
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 360, noNaN: true }),
            fc.double({ min: 0, max: 400, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        ({ lng, lat }, gates, azimuth, distanceM) => {
          const c: Position = [lng, lat];
          const points = gates.map(([az, m]) => at(c, az, m));
          const p = at(c, azimuth, distanceM);
          const b = bound({ kind: 'points', points }, p);
          const exact = Math.min(...points.map((g) => geodesicDistanceM(p, g)));
          expect(b.decided).toBe(true);
          expect(b.loM).toBeLessThanOrEqual(exact);
          expect(b.hiM).toBeGreaterThanOrEqual(exact);
          expect(b.hiM - b.loM).toBeLessThanOrEqual(widthAllowedM(exact, p[1]));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('keeps every geodesic edge within its sagitta bound of the chord', () => {
    fc.assert(
      fc.property(
        centre,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 10, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        ({ lng, lat }, azimuth, lengthM, pAzimuth, pDistanceM) => {
          const a: Position = [lng, lat];
          const b = at(a, azimuth, lengthM);
          const area: Areal = {
            type: 'Polygon',
            coordinates: [[a, b, at(a, azimuth + 90, 50), a]],
          };
          const table = new ShapeTable();
          table.add({ kind: 'areal', areal: area });
          // the edge's image in the plane of a store near it, against the chord
          const p = at(a, pAzimuth, pDistanceM);
          const sin = Math.sin(p[1] * DEG);
          const w = 1 - 0.00669437999014 * sin * sin;
          const kx = (6378137 / Math.sqrt(w)) * Math.cos(p[1] * DEG);
          const ky = (6378137 * (1 - 0.00669437999014)) / (w * Math.sqrt(w));
          const xy = (q: Position) => [(q[0] - p[0]) * DEG * kx, (q[1] - p[1]) * DEG * ky] as const;
          const [ax, ay] = xy(a);
          const [bx, by] = xy(b);
          const length = Math.hypot(bx - ax, by - ay);
          const { azimuth1 } = geodesicInverse(a, b);
          let worst = 0;
          for (const t of [0.1, 0.25, 0.5, 0.75, 0.9]) {
            const [qx, qy] = xy(at(a, azimuth1, t * lengthM));
            worst = Math.max(
              worst,
              Math.abs((bx - ax) * (qy - ay) - (by - ay) * (qx - ax)) / length,
            );
          }
          expect(worst).toBeLessThanOrEqual(table.sagM[0]!);
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('leaves a store on the outline to the exact walk', () => {
    const c: Position = [114.3, 30.6];
    const ring = starRing(c, 4, [100, 100, 100, 100], 45);
    const onEdge: Position = [(ring[0]![0] + ring[1]![0]) / 2, (ring[0]![1] + ring[1]![1]) / 2];
    const square: OriginGeometry = {
      kind: 'areal',
      areal: { type: 'Polygon', coordinates: [ring] },
    };
    expect(bound(square, onEdge).decided).toBe(false);
    const inside = bound(square, c);
    expect([inside.decided, inside.loM, inside.hiM]).toEqual([true, 0, 0]);
  });
});
