import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './gcj02.ts';
import { gcj02 } from './types.ts';
import { geodesicDistanceM } from '../geodesic.ts';

const CENTIMETRE_M = 0.01;

describe('GCJ-02', () => {
  // Reference pairs from the test file of googollee/eviltransform (javascript/test.js):
  // [wgsLat, wgsLng, gcjLat, gcjLng] for Shanghai, Shenzhen and Beijing.
  const eviltransform: [number, number, number, number][] = [
    [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    [22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    [39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ];

  it('matches the eviltransform reference pairs WGS84 → GCJ-02', () => {
    for (const [wLat, wLng, gLat, gLng] of eviltransform) {
      const g = wgs84ToGcj02([wLng, wLat]);
      expect(g[0]).toBeCloseTo(gLng, 9);
      expect(g[1]).toBeCloseTo(gLat, 9);
    }
  });

  it('matches the wandergis/coordtransform README example wgs84togcj02(116.404, 39.915)', () => {
    const g = wgs84ToGcj02([116.404, 39.915]);
    expect(g[0]).toBeCloseTo(116.41024449916938, 10);
    expect(g[1]).toBeCloseTo(39.91640428150164, 10);
  });

  it('inverts GCJ-02 → WGS84 to sub-centimetre on the reference pairs (eviltransform asks only 0.5 m)', () => {
    for (const [wLat, wLng, gLat, gLng] of eviltransform) {
      expect(geodesicDistanceM(gcj02ToWgs84(gcj02([gLng, gLat])), [wLng, wLat])).toBeLessThan(
        CENTIMETRE_M,
      );
    }
  });

  it('is closer than the one-step inverse: coordtransform’s gcj02towgs84(116.404, 39.915) is ~5 cm off', () => {
    const oneStep: Position = [116.39775550083061, 39.91359571849836];
    const exact = gcj02ToWgs84(gcj02([116.404, 39.915]));
    const image = wgs84ToGcj02(exact);
    expect(geodesicDistanceM([image[0], image[1]], [116.404, 39.915])).toBeLessThan(1e-4);
    const d = geodesicDistanceM(exact, oneStep);
    expect(d).toBeGreaterThan(CENTIMETRE_M);
    expect(d).toBeLessThan(1);
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 within 1 cm anywhere in China', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.double({ min: 18, max: 54, noNaN: true }),
        (lng, lat) => {
          const back = gcj02ToWgs84(wgs84ToGcj02([lng, lat]));
          expect(geodesicDistanceM(back, [lng, lat])).toBeLessThan(CENTIMETRE_M);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves positions outside China unchanged, and knows China’s box', () => {
    expect(outOfChina([2.35, 48.85])).toBe(true); // Paris
    expect(outOfChina([116.4, 39.9])).toBe(false); // Beijing
    expect(outOfChina([139.69, 35.69])).toBe(true); // Tokyo, east of 137.8347°
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(gcj02([2.35, 48.85]))).toEqual([2.35, 48.85]);
  });
});
