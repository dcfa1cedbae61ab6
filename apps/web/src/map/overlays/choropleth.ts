import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Palette } from '../palette.ts';

// Findings per township as a choropleth: a sequential single-hue ramp (light to dark
// blue-purple) that keeps its order in greyscale and for every colour-vision deficiency.

export const CHOROPLETH_SOURCE = 'choropleth';
export const CHOROPLETH_LAYER_ID = 'choropleth-fill';
/** Class breaks (findings per township, lower bound of each class) and their colours. */
export const CHOROPLETH_CLASSES: readonly { min: number; color: string }[] = [
  { min: 1, color: '#dadaeb' },
  { min: 3, color: '#bcbddc' },
  { min: 6, color: '#9e9ac8' },
  { min: 10, color: '#756bb1' },
  { min: 20, color: '#54278f' },
];
const CHOROPLETH_OPACITY = 0.55;

export function choroplethSources(): Record<string, SourceSpecification> {
  return {
    [CHOROPLETH_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

export function choroplethLayers(_p: Palette): LayerSpecification[] {
  const steps = CHOROPLETH_CLASSES.slice(1).flatMap((c) => [c.min, c.color]);
  return [
    {
      id: CHOROPLETH_LAYER_ID,
      type: 'fill',
      source: CHOROPLETH_SOURCE,
      filter: ['>', ['get', 'count'], 0],
      layout: { visibility: 'none' },
      paint: {
        'fill-color': ['step', ['get', 'count'], CHOROPLETH_CLASSES[0]!.color, ...steps] as never,
        'fill-opacity': CHOROPLETH_OPACITY,
        'fill-outline-color': '#54278f',
      },
    },
  ];
}
