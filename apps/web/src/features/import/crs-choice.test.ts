import { describe, expect, it } from 'vitest';
import { crsOf, gkCrs, GK_CHOICE } from './crs-choice.ts';

describe('CRS choice', () => {
  it('reads a Gauss–Krüger code typed with or without the EPSG prefix', () => {
    expect(gkCrs('4527')).toBe('EPSG:4527');
    expect(gkCrs(' epsg:4545 ')).toBe('EPSG:4545');
  });

  it('refuses codes that are no CGCS2000 Gauss–Krüger zone', () => {
    expect(gkCrs('4326')).toBeNull();
    expect(gkCrs('2383')).toBeNull();
    expect(gkCrs('abc')).toBeNull();
  });

  it('names no CRS until a typed code is valid', () => {
    expect(crsOf({ preset: GK_CHOICE, gkCode: '45' })).toBe('');
    expect(crsOf({ preset: GK_CHOICE, gkCode: '4526' })).toBe('EPSG:4526');
    expect(crsOf({ preset: 'GCJ-02', gkCode: '' })).toBe('GCJ-02');
  });
});
