import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, wgs84ToBd09 } from './bd09.ts';
import { wgs84ToGcj02 } from './gcj02.ts';
import { bd09, gcj02 } from './types.ts';
import { geodesicDistanceM } from '../geodesic.ts';

const CENTIMETRE_M = 0.01;

describe('BD-09', () => {
  // Reference values from the README/test of wandergis/coordtransform (input 116.404, 39.915).
  it('matches coordtransform’s gcj02tobd09(116.404, 39.915)', () => {
    const b = gcj02ToBd09(gcj02([116.404, 39.915]));
    expect(b[0]).toBeCloseTo(116.41036949371029, 10);
    expect(b[1]).toBeCloseTo(39.92133699351021, 10);
  });

  it('inverts BD-09 → GCJ-02 exactly, within 10 cm of coordtransform’s one-step bd09togcj02', () => {
    const g = bd09ToGcj02(bd09([116.404, 39.915]));
    const image = gcj02ToBd09(g);
    expect(geodesicDistanceM([image[0], image[1]], [116.404, 39.915])).toBeLessThan(1e-4);
    expect(geodesicDistanceM([g[0], g[1]], [116.39762729119315, 39.90865673957631])).toBeLessThan(
      0.1,
    );
  });

  it('round-trips WGS84 → BD-09 → WGS84 within 1 cm anywhere in China', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.double({ min: 18, max: 54, noNaN: true }),
        (lng, lat) => {
          expect(geodesicDistanceM(bd09ToWgs84(wgs84ToBd09([lng, lat])), [lng, lat])).toBeLessThan(
            CENTIMETRE_M,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is GCJ-02 shifted by Baidu’s offset of a few hundred metres', () => {
    const w: [number, number] = [113.26, 23.13];
    const g = wgs84ToGcj02(w);
    const d = geodesicDistanceM([g[0], g[1]], [wgs84ToBd09(w)[0], wgs84ToBd09(w)[1]]);
    expect(d).toBeGreaterThan(500);
    expect(d).toBeLessThan(1500);
  });
});
