import { describe, expect, it } from 'vitest';
import { glyphColorOn, luminance, markerSpecs, storeMarkerId, STORE_GROUPS } from './markers.ts';
import { OKABE_ITO } from './palette.ts';

describe('glyphColorOn', () => {
  it('writes black on light fills and white on dark ones', () => {
    expect(glyphColorOn(OKABE_ITO.yellow)).toBe('#000000');
    expect(glyphColorOn(OKABE_ITO.blue)).toBe('#ffffff');
    expect(glyphColorOn('#000000')).toBe('#ffffff');
  });

  it('agrees with the WCAG luminance of black and white', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
  });
});

describe('markerSpecs', () => {
  it('gives each prohibited store group its own shape, colour and character', () => {
    const specs = markerSpecs();
    const prohibited = STORE_GROUPS.filter((g) => g !== 'other').map(
      (g) => specs[storeMarkerId(g)]!,
    );
    expect(prohibited).toHaveLength(5);
    for (const key of ['shape', 'fill', 'glyph'] as const) {
      expect(new Set(prohibited.map((s) => s[key])).size).toBe(5);
    }
  });
});
