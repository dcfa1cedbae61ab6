import { describe, expect, it } from 'vitest';
import { mmToPx, niceLengthM, pageMm } from './paper.ts';

describe('print paper arithmetic', () => {
  it('turns A4 for landscape', () => {
    expect(pageMm('A4', 'portrait')).toEqual([210, 297]);
    expect(pageMm('A4', 'landscape')).toEqual([297, 210]);
  });

  it('makes an A4 width 2480 px at 300 DPI and 794 px at 96 DPI', () => {
    expect(mmToPx(210, 300)).toBe(2480);
    expect(mmToPx(210, 96)).toBe(794);
  });

  it('picks the longest round scale-bar length that fits', () => {
    expect(niceLengthM(730)).toBe(500);
    expect(niceLengthM(199)).toBe(100);
    expect(niceLengthM(2000)).toBe(2000);
    expect(niceLengthM(0.3)).toBe(0.2);
    expect(() => niceLengthM(0)).toThrow(RangeError);
  });
});
