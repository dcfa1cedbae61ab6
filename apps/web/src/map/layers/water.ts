import { t } from '../../i18n/index.ts';
import { mapFeature } from '../layer-group.ts';
import type { LayerGroup } from '../layer-group.ts';
import { BASE } from '../palette.ts';

// Water bodies: areas (reservoirs, ponds, pits) as a blue fill, rivers and ditches mapped as
// lines as a blue line. Two sources, so that each style layer sees only its own geometry.

const LINE_SOURCE = 'water-lines';

export const water: LayerGroup<'water'> = {
  layer: 'water',
  sourceIds: ['water', LINE_SOURCE],
  toSources: (features) => {
    const props = (f: (typeof features)[number]) => ({
      name: f.properties.name,
      kind: f.properties.kind,
    });
    return {
      water: features
        .filter((f) => f.geometry.type !== 'LineString')
        .map((f) => mapFeature(f.id, f.geometry, props(f))),
      [LINE_SOURCE]: features
        .filter((f) => f.geometry.type === 'LineString')
        .map((f) => mapFeature(f.id, f.geometry, props(f))),
    };
  },
  layers: (p) => [
    {
      id: 'water-fill',
      type: 'fill',
      source: 'water',
      paint: { 'fill-color': p.water, 'fill-outline-color': p.waterLine },
    },
    {
      id: 'water-line',
      type: 'line',
      source: LINE_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.waterLine, 'line-width': 3 },
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
