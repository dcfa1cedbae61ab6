import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { BASE } from '../palette.ts';
import { fromTiles, IS_CELL, IS_SINGLE, isGeometry } from '../tile-source.ts';
import { bubbleRadius } from './cells.ts';

// Water bodies: areas (reservoirs, ponds, pits) as a blue fill, rivers and ditches mapped
// as lines as a blue line. Water too small to see at the zoom comes from the tiles as a
// point (a dot), and at low zoom as grid cells of such points (a dot sized by how many).

const POINT_RADIUS_PX = 3;
/** Cell dots stay smaller than store bubbles: they show where ponds are, not a number. */
const CELL_RADIUS_SCALE = 0.6;

export const water: LayerGroup<'water'> = {
  layer: 'water',
  sourceLayers: ['water'],
  layers: (p) => [
    {
      id: 'water-fill',
      type: 'fill',
      ...fromTiles('water'),
      filter: isGeometry('Polygon'),
      paint: { 'fill-color': p.water, 'fill-outline-color': p.waterLine },
    },
    {
      id: 'water-line',
      type: 'line',
      ...fromTiles('water'),
      filter: isGeometry('LineString'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.waterLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 3],
      },
    },
    {
      id: 'water-point',
      type: 'circle',
      ...fromTiles('water'),
      filter: ['all', isGeometry('Point'), IS_SINGLE],
      paint: {
        'circle-radius': POINT_RADIUS_PX,
        'circle-color': p.water,
        'circle-stroke-color': p.waterLine,
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'water-cell',
      type: 'circle',
      ...fromTiles('water'),
      filter: IS_CELL,
      paint: {
        'circle-radius': ['*', CELL_RADIUS_SCALE, bubbleRadius(['get', 'count'])],
        'circle-color': p.water,
        'circle-stroke-color': p.waterLine,
        'circle-stroke-width': 1,
      },
    },
  ],
  labels: () => [],
  legend: [
    {
      label: t.legend.waterArea,
      symbol: { kind: 'fill', color: BASE.water, outline: BASE.waterLine },
    },
    { label: t.legend.waterLine, symbol: { kind: 'line', color: BASE.waterLine, widthPx: 3 } },
  ],
};
