import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { OKABE_ITO } from '../palette.ts';
import type { Palette } from '../palette.ts';

// What the measuring tool has drawn: the clicked points, the path or ring through them.

export const MEASURE_SOURCE = 'measure';
const LINE_WIDTH_PX = 2.5;
const VERTEX_RADIUS_PX = 4;

export function measureSources(): Record<string, SourceSpecification> {
  return {
    [MEASURE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

export function measureLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: 'measure-fill',
      type: 'fill',
      source: MEASURE_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': OKABE_ITO.skyBlue, 'fill-opacity': 0.2 },
    },
    {
      id: 'measure-line',
      type: 'line',
      source: MEASURE_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': p.ink, 'line-width': LINE_WIDTH_PX, 'line-dasharray': [2, 1] },
    },
    {
      id: 'measure-vertex',
      type: 'circle',
      source: MEASURE_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': VERTEX_RADIUS_PX,
        'circle-color': p.halo,
        'circle-stroke-color': p.ink,
        'circle-stroke-width': 2,
      },
    },
  ];
}
