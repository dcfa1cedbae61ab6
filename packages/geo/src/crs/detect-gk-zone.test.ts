import { describe, expect, it } from 'vitest';
import { detectGkZone } from './detect-gk-zone.ts';

describe('detectGkZone', () => {
  it('names the 3° zone from an 8-digit easting’s prefix', () => {
    const r = detectGkZone(38_512_345.6, 3_320_113.4);
    expect(r).toMatchObject({ confidence: 'high', epsg: 4526, candidates: [4526], swapped: false });
    expect(r.reason).toMatch(/带号 38/);
    expect(r.reason).toMatch(/zone prefix 38/);
  });

  it('names the 6° zone from a prefix 13–23', () => {
    expect(detectGkZone(20_450_000, 3_500_000)).toMatchObject({ confidence: 'high', epsg: 4498 }); // 13 → 4491
  });

  it('returns every central-meridian code, not a guess, for a 6-digit easting', () => {
    const r = detectGkZone(522_994.43, 3_388_020.94);
    expect(r.confidence).toBe('low');
    expect(r.epsg).toBeUndefined();
    expect(r.candidates).toContain(4545);
    expect(r.candidates).toContain(4508);
    expect(r.candidates).toHaveLength(32);
    expect(r.reason).toMatch(/无带号/);
  });

  it('detects surveyors’ X/Y order (X = northing) and says so', () => {
    const r = detectGkZone(3_320_113.4, 38_512_345.6);
    expect(r).toMatchObject({ epsg: 4526, swapped: true });
    expect(r.reason).toMatch(/已对调/);
    expect(r.reason).toMatch(/swapped/);
    expect(detectGkZone(3_388_020.94, 522_994.43)).toMatchObject({
      swapped: true,
      confidence: 'low',
    });
  });

  it('marks a prefixed easting far outside its zone as medium', () => {
    expect(detectGkZone(38_700_000, 3_300_000).confidence).toBe('medium');
  });

  it('refuses values that are not GK coordinates in China', () => {
    expect(detectGkZone(116.4, 39.9).confidence).toBe('none'); // degrees
    expect(detectGkZone(12_957_000, 4_852_000).confidence).toBe('none'); // Web Mercator metres
    expect(detectGkZone(38_500_000, 9_000_000).confidence).toBe('none'); // northing beyond China
    expect(detectGkZone(NaN, 3_000_000).confidence).toBe('none');
  });
});
