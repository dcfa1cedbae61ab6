import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { atlasLayerOf, buildStyle, styleLayerIds } from './style.ts';
import { ATLAS_SOURCE } from './tile-source.ts';

const ORIGIN = 'http://127.0.0.1:8080';

describe('buildStyle', () => {
  const style = buildStyle(ORIGIN);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('asks no other machine for anything: no glyphs, no sprite, tiles from the page origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.sources[ATLAS_SOURCE]).toEqual({
      type: 'vector',
      url: `${ORIGIN}/tiles.json`,
    });
    for (const [id, source] of Object.entries(style.sources)) {
      if (id === ATLAS_SOURCE) continue;
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('draws every atlas layer from the tiles, naming an MVT layer for each style layer', () => {
    const fromTiles = style.layers.filter((l) => 'source' in l && l.source === ATLAS_SOURCE);
    expect(fromTiles.length).toBeGreaterThan(0);
    for (const layer of fromTiles) expect(layer).toHaveProperty('source-layer');
  });

  it('draws every atlas layer with at least one style layer, each id used once', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(styleLayerIds('stores')).toContain('stores-point');
    expect(styleLayerIds('stores')).toContain('stores-cell');
    expect(atlasLayerOf('hazards-zone-fill')).toBe('hazards');
    expect(atlasLayerOf('admin_areas-label')).toBe('admin_areas');
    expect(atlasLayerOf('background')).toBeNull();
  });
});
