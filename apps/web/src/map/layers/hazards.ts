import { t } from '../../i18n/index.ts';
import { mapFeature } from '../layer-group.ts';
import type { LayerGroup } from '../layer-group.ts';
import { HAZARD_MARKER_ID } from '../markers.ts';
import { OKABE_ITO } from '../palette.ts';

// Geological hazard points (a warning triangle) and, where specialists delimited one, the
// threat zone from properties.threatZone. An assumed radius is NOT drawn: it is not a zone.

const ZONE_SOURCE = 'hazards-zones';
const ZONE_FILL_OPACITY = 0.25;

export const hazards: LayerGroup<'hazards'> = {
  layer: 'hazards',
  sourceIds: ['hazards', ZONE_SOURCE],
  toSources: (features) => ({
    hazards: features.map((f) =>
      mapFeature(f.id, f.geometry, {
        name: f.properties.name,
        type: f.properties.type,
        status: f.properties.status,
      }),
    ),
    [ZONE_SOURCE]: features.flatMap((f) =>
      f.properties.threatZone
        ? [mapFeature(f.id, f.properties.threatZone, { name: f.properties.name })]
        : [],
    ),
  }),
  layers: () => [
    {
      id: 'hazards-zone-fill',
      type: 'fill',
      source: ZONE_SOURCE,
      paint: { 'fill-color': OKABE_ITO.orange, 'fill-opacity': ZONE_FILL_OPACITY },
    },
    {
      id: 'hazards-zone-outline',
      type: 'line',
      source: ZONE_SOURCE,
      paint: { 'line-color': OKABE_ITO.vermillion, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'hazards-point',
      type: 'symbol',
      source: 'hazards',
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
