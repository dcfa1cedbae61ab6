import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { OKABE_ITO } from '../palette.ts';
import { fromTiles } from '../tile-source.ts';

// School bus routes: a bold bluish-green line on a white casing, above roads.

const ROUTE_WIDTH_PX = 3.5;
const CASING_WIDTH_PX = 6;

export const routes: LayerGroup<'routes'> = {
  layer: 'routes',
  sourceLayers: ['routes'],
  layers: (p) => [
    {
      id: 'routes-casing',
      type: 'line',
      ...fromTiles('routes'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.halo, 'line-width': CASING_WIDTH_PX },
    },
    {
      id: 'routes-line',
      type: 'line',
      ...fromTiles('routes'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': OKABE_ITO.bluishGreen, 'line-width': ROUTE_WIDTH_PX },
    },
  ],
  labels: () => [],
  legend: [
    {
      label: t.legend.busRoute,
      symbol: {
        kind: 'line',
        color: OKABE_ITO.bluishGreen,
        widthPx: ROUTE_WIDTH_PX,
        casing: '#ffffff',
      },
    },
  ],
};
