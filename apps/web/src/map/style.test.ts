import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { atlasLayerOf, buildStyle, styleLayerIds } from './style.ts';

describe('buildStyle', () => {
  const style = buildStyle();

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('asks no server for anything: no glyphs, no sprite, only inline GeoJSON sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('draws every atlas layer with at least one style layer, each id used once', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(styleLayerIds('stores')).toContain('stores-point');
    expect(atlasLayerOf('hazards-zone-fill')).toBe('hazards');
    expect(atlasLayerOf('background')).toBeNull();
  });
});
