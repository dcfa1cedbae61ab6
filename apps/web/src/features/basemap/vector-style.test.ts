import {
  Color,
  expression,
  featureFilter,
  latest,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LOCAL_FONT_STACK } from '../../map/fonts.ts';
import { PALETTES, THEMES } from '../../map/palette.ts';
import { detectSchema } from './vector-schema.ts';
import { BUREAU_COLORS } from './vector-style-colors.ts';
import { BUREAU_LAYER_ID, BUREAU_SOURCE_ID } from './vector-style-parts.ts';
import { bureauVectorLayers } from './vector-style.ts';

// Source layer lists as the two schemas' own tiles state them (OpenMapTiles 3.x TileJSON,
// Protomaps basemap v4 TileJSON), and one bureau file of its own design.
const OPENMAPTILES = [
  'water',
  'waterway',
  'landcover',
  'landuse',
  'mountain_peak',
  'park',
  'boundary',
  'aeroway',
  'transportation',
  'building',
  'water_name',
  'transportation_name',
  'place',
  'housenumber',
  'poi',
  'aerodrome_label',
];
const PROTOMAPS = [
  'boundaries',
  'buildings',
  'earth',
  'landcover',
  'landuse',
  'places',
  'pois',
  'roads',
  'transit',
  'water',
];
const OWN = ['区界', 'roads', 'water'];

function styleOf(layers: LayerSpecification[]): StyleSpecification {
  return {
    version: 8,
    sources: { [BUREAU_SOURCE_ID]: { type: 'vector', url: 'http://127.0.0.1:8080/basemap.json' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#fff' } },
      ...layers,
    ],
  };
}

const byId = (layers: LayerSpecification[], id: string) => {
  const layer = layers.find((l) => l.id === `${BUREAU_LAYER_ID}-${id}`);
  if (!layer) throw new Error(`no layer ${id} among ${layers.map((l) => l.id).join(', ')}`);
  return layer;
};
const LINE = 2;
const POLYGON = 3;
/** Does the layer's filter let this feature through at zoom 14? */
function draws(layer: LayerSpecification, type: number, properties: Record<string, unknown>) {
  const filter = featureFilter('filter' in layer ? layer.filter : undefined, 'filter');
  return filter.filter({ zoom: 14 }, { type, properties } as never, undefined as never);
}
function paintAt(layer: LayerSpecification, property: string, properties: Record<string, unknown>) {
  const value = (layer.paint as Record<string, unknown>)[property];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
    `paint_${layer.type}`
  ]![property];
  const parsed = expression.createPropertyExpression(value, property, spec as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: LINE, properties } as never);
}
const color = (hex: string) => Color.parse(hex)!.toString();

describe('detectSchema', () => {
  it('tells OpenMapTiles and Protomaps files apart by their layer names', () => {
    expect(detectSchema(OPENMAPTILES)).toBe('openmaptiles');
    expect(detectSchema(PROTOMAPS)).toBe('protomaps');
    expect(detectSchema(['transportation', 'place', 'water'])).toBe('openmaptiles');
  });

  it('keeps a file with only one telling layer, or layers of its own, generic', () => {
    expect(detectSchema(OWN)).toBe('generic');
    expect(detectSchema(['water', 'landuse', 'landcover'])).toBe('generic');
    expect(detectSchema([])).toBe('generic');
  });
});

describe('bureauVectorLayers', () => {
  const cases = [OPENMAPTILES, PROTOMAPS, OWN].flatMap((layers) =>
    THEMES.map((theme) => ({ layers, theme })),
  );

  it.each(cases)(
    'makes a valid style asking no server for glyphs ($theme, $layers.0…)',
    ({ layers, theme }) => {
      const style = styleOf(bureauVectorLayers(layers, theme));
      expect(validateStyleMin(style)).toEqual([]);
      expect(style.glyphs).toBeUndefined();
      const ids = style.layers.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids.slice(1)) expect(id.startsWith(`${BUREAU_LAYER_ID}-`)).toBe(true);
    },
  );

  it('draws an OpenMapTiles file by its layers: water, roads, boundaries and Chinese names in local fonts', () => {
    const layers = bureauVectorLayers(OPENMAPTILES, 'light');
    const drawn = new Set(layers.map((l) => ('source-layer' in l ? l['source-layer'] : null)));
    for (const l of [
      'water',
      'waterway',
      'landcover',
      'transportation',
      'boundary',
      'place',
      'transportation_name',
    ])
      expect(drawn, l).toContain(l);
    for (const l of ['poi', 'housenumber', 'aerodrome_label']) expect(drawn, l).not.toContain(l);
    const place = byId(layers, 'omt-place');
    expect(place.type).toBe('symbol');
    const layout = (place as { layout: Record<string, unknown> }).layout;
    expect(layout['text-font']).toEqual(LOCAL_FONT_STACK);
    expect(JSON.stringify(layout['text-field'])).toContain('name:zh');
  });

  it('sends a motorway to the major road line, a footway to the dashed paths, a railway to the rails', () => {
    const layers = bureauVectorLayers(OPENMAPTILES, 'light');
    const [line, path, rail] = ['omt-road-line', 'omt-road-path', 'omt-road-rail'].map((id) =>
      byId(layers, id),
    );
    const motorway = { class: 'motorway' };
    expect([line, path, rail].map((l) => draws(l!, LINE, motorway))).toEqual([true, false, false]);
    expect([line, path, rail].map((l) => draws(l!, LINE, { class: 'path' }))).toEqual([
      false,
      true,
      false,
    ]);
    expect([line, path, rail].map((l) => draws(l!, LINE, { class: 'rail' }))).toEqual([
      false,
      false,
      true,
    ]);
    expect(draws(line!, POLYGON, motorway)).toBe(false);
    expect(paintAt(line!, 'line-color', motorway)!.toString()).toBe(
      color(PALETTES.light.roadMajor),
    );
    expect(paintAt(line!, 'line-color', { class: 'minor' })!.toString()).toBe(
      color(PALETTES.light.roadMinor),
    );
  });

  it('draws boundaries by admin level: a county line solid, a township line thinner, no maritime lines', () => {
    const boundary = byId(bureauVectorLayers(OPENMAPTILES, 'light'), 'omt-boundary');
    const county = { admin_level: 6 };
    const township = { admin_level: 8 };
    expect(draws(boundary, LINE, county)).toBe(true);
    expect(draws(boundary, LINE, { admin_level: 6, maritime: 1 })).toBe(false);
    expect(draws(boundary, LINE, { admin_level: 10 })).toBe(false);
    expect(paintAt(boundary, 'line-width', county)).toBeGreaterThan(
      paintAt(boundary, 'line-width', township) as number,
    );
    expect(paintAt(boundary, 'line-color', county)!.toString()).toBe(
      color(PALETTES.light.adminCounty),
    );
  });

  it('colours land, water and roads of a Protomaps file from the atlas palette of each theme', () => {
    for (const theme of THEMES) {
      const layers = bureauVectorLayers(PROTOMAPS, theme);
      expect((byId(layers, 'pm-water').paint as Record<string, unknown>)['fill-color']).toBe(
        PALETTES[theme].water,
      );
      expect((byId(layers, 'pm-earth').paint as Record<string, unknown>)['fill-color']).toBe(
        PALETTES[theme].background,
      );
      const roads = byId(layers, 'pm-road-line');
      expect(paintAt(roads, 'line-color', { kind: 'highway' })!.toString()).toBe(
        color(PALETTES[theme].roadMajor),
      );
      expect(draws(byId(layers, 'pm-boundary'), LINE, { kind: 'country' })).toBe(true);
      expect(paintAt(byId(layers, 'pm-landuse'), 'fill-color', { kind: 'park' })!.toString()).toBe(
        color(BUREAU_COLORS[theme].park),
      );
    }
  });

  it('draws only the layers a file has, and its own extra layers plainly beneath the schema style', () => {
    const layers = bureauVectorLayers(['transportation', 'place', '学校专题'], 'dark');
    const sourceLayers = layers.map((l) => ('source-layer' in l ? l['source-layer'] : null));
    expect(new Set(sourceLayers)).toEqual(new Set(['transportation', 'place', '学校专题']));
    expect(sourceLayers.indexOf('学校专题')).toBe(0);
    expect(layers.slice(0, 3).map((l) => l.type)).toEqual(['fill', 'line', 'circle']);
  });

  it('draws a file of no known schema plainly, every layer by geometry type', () => {
    const layers = bureauVectorLayers(OWN, 'light');
    expect(layers.map((l) => l.type)).toEqual(OWN.flatMap(() => ['fill', 'line', 'circle']));
    const fill = layers[0]!;
    expect(draws(fill, POLYGON, {})).toBe(true);
    expect(draws(fill, LINE, {})).toBe(false);
  });
});
