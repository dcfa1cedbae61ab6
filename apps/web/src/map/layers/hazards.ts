import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { HAZARD_MARKER_ID } from '../markers.ts';
import { OKABE_ITO } from '../palette.ts';
import { fromTiles, IS_SINGLE } from '../tile-source.ts';
import { markerCells } from './cells.ts';

// Geological hazard points (a warning triangle) and, where specialists delimited one, the
// threat zone (the tiles' `threat_zones` layer, carrying the hazard's id). An assumed
// radius is NOT drawn: it is not a zone. At low zoom hazards come as counted grid cells.

const ZONE_FILL_OPACITY = 0.25;

export const hazards: LayerGroup<'hazards'> = {
  layer: 'hazards',
  sourceLayers: ['hazards', 'threat_zones'],
  layers: (p) => [
    {
      id: 'hazards-zone-fill',
      type: 'fill',
      ...fromTiles('threat_zones'),
      paint: { 'fill-color': OKABE_ITO.orange, 'fill-opacity': ZONE_FILL_OPACITY },
    },
    {
      id: 'hazards-zone-outline',
      type: 'line',
      ...fromTiles('threat_zones'),
      paint: { 'line-color': OKABE_ITO.vermillion, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    markerCells('hazards-cell', 'hazards', HAZARD_MARKER_ID, p.ink, p.halo),
    {
      id: 'hazards-point',
      type: 'symbol',
      ...fromTiles('hazards'),
      filter: IS_SINGLE,
      layout: {
        'icon-image': HAZARD_MARKER_ID,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ],
  labels: () => [],
  legend: [
    { label: t.legend.hazardPoint, symbol: { kind: 'marker', marker: HAZARD_MARKER_ID } },
    {
      label: t.legend.threatZone,
      symbol: {
        kind: 'fill',
        color: OKABE_ITO.orange,
        outline: OKABE_ITO.vermillion,
        opacity: ZONE_FILL_OPACITY,
        dashed: true,
      },
    },
  ],
};
