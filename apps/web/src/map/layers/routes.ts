import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { OKABE_ITO } from '../palette.ts';
import { fromTiles } from '../tile-source.ts';

// School bus routes: a bold bluish-green line on a white casing, above roads. Zoomed out
// over a city, hundreds of routes overlap: there a thinner line without casing says where
// they run, and costs a software-WebGL browser a third of the pixels (bench:pan).

const ROUTE_WIDTH_PX = 3.5;
const CASING_WIDTH_PX = 6;
/** From this zoom routes are drawn at full width on their casing. */
const FULL_ROUTE_ZOOM = 13;
const LOW_ZOOM = 10;
const LOW_ZOOM_ROUTE_WIDTH_PX = 1.5;

export const routes: LayerGroup<'routes'> = {
  layer: 'routes',
  sourceLayers: ['routes'],
  layers: (p) => [
    {
      id: 'routes-casing',
      type: 'line',
      ...fromTiles('routes'),
      minzoom: FULL_ROUTE_ZOOM,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.halo, 'line-width': CASING_WIDTH_PX },
    },
    {
      id: 'routes-line',
      type: 'line',
      ...fromTiles('routes'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': OKABE_ITO.bluishGreen,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          LOW_ZOOM,
          LOW_ZOOM_ROUTE_WIDTH_PX,
          FULL_ROUTE_ZOOM,
          ROUTE_WIDTH_PX,
        ],
      },
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
