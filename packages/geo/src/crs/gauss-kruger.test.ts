import fc from 'fast-check';
import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { GK_EPSG_CODES, gkProj4Definition, gkToWgs84, gkZone, wgs84ToGk } from './gauss-kruger.ts';
import { geodesicDistanceM } from '../geodesic.ts';

const g = geographiclib.Geodesic.WGS84;
const MILLIMETRE_M = 1e-3;

describe('CGCS2000 Gauss–Krüger', () => {
  it('derives the four EPSG families from the code', () => {
    expect(gkZone(4491)).toMatchObject({
      zone: 13,
      centralMeridianDeg: 75,
      falseEastingM: 13_500_000,
    });
    expect(gkZone(4501)).toMatchObject({
      zone: 23,
      centralMeridianDeg: 135,
      falseEastingM: 23_500_000,
    });
    expect(gkZone(4502)).toMatchObject({ centralMeridianDeg: 75, falseEastingM: 500_000 });
    expect(gkZone(4512)).toMatchObject({ centralMeridianDeg: 135, falseEastingM: 500_000 });
    expect(gkZone(4513)).toMatchObject({
      zone: 25,
      centralMeridianDeg: 75,
      falseEastingM: 25_500_000,
    });
    expect(gkZone(4526)).toMatchObject({
      zone: 38,
      centralMeridianDeg: 114,
      falseEastingM: 38_500_000,
    });
    expect(gkZone(4533)).toMatchObject({ zone: 45, centralMeridianDeg: 135 });
    expect(gkZone(4534)).toMatchObject({ centralMeridianDeg: 75, falseEastingM: 500_000 });
    expect(gkZone(4545)).toMatchObject({ centralMeridianDeg: 108 });
    expect(gkZone(4554)).toMatchObject({ centralMeridianDeg: 135 });
    expect(gkZone(4490)).toBeUndefined();
    expect(gkZone(4555)).toBeUndefined();
    expect(GK_EPSG_CODES).toHaveLength(64);
    expect(gkProj4Definition(4526)).toContain('+lon_0=114 +k=1 +x_0=38500000');
    expect(() => gkProj4Definition(3857)).toThrow(
      /expected a CGCS2000 Gauss–Krüger EPSG code 4491–4554, got 3857/,
    );
  });

  it('maps the pole on the central meridian to the published quarter meridian, 10 001 965.729 m', () => {
    // The GRS80/WGS84 quarter meridian (Wikipedia "Meridian arc", after Karney 2011): 10 001 965.729 m.
    expect(wgs84ToGk([114, 90], 4526).northing).toBeCloseTo(10_001_965.729, 3);
  });

  it('puts central-meridian points at the false easting and the meridian arc (GeographicLib) as northing', () => {
    for (const lat of [18, 30.5, 45, 53.9]) {
      const { easting, northing } = wgs84ToGk([117, lat], 4527);
      expect(easting).toBeCloseTo(39_500_000, 6);
      expect(northing).toBeCloseTo(
        g.Inverse(0, 117, lat, 117, geographiclib.Geodesic.DISTANCE).s12!,
        3,
      );
    }
  });

  it('is conformal with the textbook scale 1 + ½(Δλ·cos φ)²(1 + η²) at a zone edge', () => {
    const lat = 30;
    const a = wgs84ToGk([115.5, lat], 4526); // 1.5° east of the CM 114°
    const b = wgs84ToGk([115.5, lat + 0.001], 4526);
    const planeM = Math.hypot(b.easting - a.easting, b.northing - a.northing);
    const trueM = geodesicDistanceM([115.5, lat], [115.5, lat + 0.001]);
    const phi = ((lat + 0.0005) * Math.PI) / 180;
    const ep2 = 0.00673949677548; // GRS80 second eccentricity²
    const l = (1.5 * Math.PI) / 180;
    const k = 1 + ((l * Math.cos(phi)) ** 2 * (1 + ep2 * Math.cos(phi) ** 2)) / 2;
    expect(planeM / trueM).toBeCloseTo(k, 6);
  });

  it('round-trips WGS84 → GK → WGS84 within 1 mm across every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GK_EPSG_CODES),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 18, max: 54, noNaN: true }),
        (epsg, f, lat) => {
          const z = gkZone(epsg)!;
          const halfWidth = z.family.startsWith('6') ? 3 : 1.5;
          const p: [number, number] = [z.centralMeridianDeg + f * halfWidth, lat];
          const { easting, northing } = wgs84ToGk(p, epsg);
          expect(geodesicDistanceM(gkToWgs84(easting, northing, epsg), p)).toBeLessThan(
            MILLIMETRE_M,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
