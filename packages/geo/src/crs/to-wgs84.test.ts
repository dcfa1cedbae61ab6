import { describe, expect, it } from 'vitest';
import { isSupportedCrs, toWgs84, type CrsCode } from './to-wgs84.ts';
import { wgs84ToGcj02 } from './gcj02.ts';
import { wgs84ToBd09 } from './bd09.ts';
import { wgs84ToGk } from './gauss-kruger.ts';
import { geodesicDistanceM } from '../geodesic.ts';

describe('toWgs84', () => {
  const w: [number, number] = [114.06, 22.54];

  it('passes WGS84 and CGCS2000 geographic through unchanged', () => {
    expect(toWgs84(w, 'EPSG:4326')).toEqual(w);
    expect(toWgs84(w, 'EPSG:4490')).toEqual(w);
  });

  it('dispatches GCJ-02, BD-09 and Gauss–Krüger codes to their inverses', () => {
    const g = wgs84ToGcj02(w);
    const b = wgs84ToBd09(w);
    const gk = wgs84ToGk(w, 4526);
    const cm = wgs84ToGk(w, 4545);
    expect(geodesicDistanceM(toWgs84([g[0], g[1]], 'GCJ-02'), w)).toBeLessThan(0.01);
    expect(geodesicDistanceM(toWgs84([b[0], b[1]], 'BD-09'), w)).toBeLessThan(0.01);
    expect(geodesicDistanceM(toWgs84([gk.easting, gk.northing], 'EPSG:4526'), w)).toBeLessThan(
      0.001,
    );
    expect(geodesicDistanceM(toWgs84([cm.easting, cm.northing], 'EPSG:4545'), w)).toBeLessThan(
      0.001,
    );
  });

  it('throws naming an unsupported code', () => {
    expect(() => toWgs84(w, 'EPSG:3857')).toThrow(/unsupported coordinate system "EPSG:3857"/);
    expect(() => toWgs84(w, 'GCJ02' as CrsCode)).toThrow(/"GCJ02"/);
  });

  it('tells supported codes from others', () => {
    expect(isSupportedCrs('EPSG:4554')).toBe(true);
    expect(isSupportedCrs('BD-09')).toBe(true);
    expect(isSupportedCrs('EPSG:4555')).toBe(false);
    expect(isSupportedCrs('WGS84')).toBe(false);
  });
});
