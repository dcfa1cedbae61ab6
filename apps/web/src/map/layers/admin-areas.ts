import type { LayerFeature } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import { mapFeature } from '../layer-group.ts';
import type { LayerGroup } from '../layer-group.ts';
import { BASE } from '../palette.ts';
import { labelPoint } from './label-point.ts';

// Administrative areas: a faint county fill, an outline whose weight and dash say the level, and the
// names of townships and villages at a point inside each (township names win collisions).

const LABEL_SOURCE = 'admin_areas-labels';
const LEVEL_ORDER = { county: 0, township: 1, village: 2 } as const;
/** Counties first, villages last: the smallest area is on top, so a click finds it first. */
const byLevel = (a: LayerFeature<'admin_areas'>, b: LayerFeature<'admin_areas'>) =>
  LEVEL_ORDER[a.properties.level] - LEVEL_ORDER[b.properties.level];
const COUNTY_FILL_OPACITY = 0.6;
/** 社区 (居委会) are the urban units; their areas stand in for built-up land on the base map. */
const URBAN_SUFFIX = '社区';
export const BUILT_UP_LAYER_ID = 'admin_areas-built-up';
export const isBuiltUp = (f: LayerFeature<'admin_areas'>) =>
  f.properties.level === 'village' && f.properties.name.endsWith(URBAN_SUFFIX);
const TOWNSHIP_TEXT_PX = 15;
const VILLAGE_TEXT_PX = 12;

export const adminAreas: LayerGroup<'admin_areas'> = {
  layer: 'admin_areas',
  sourceIds: ['admin_areas', LABEL_SOURCE],
  toSources: (features) => ({
    admin_areas: [...features].sort(byLevel).map((f) =>
      mapFeature(f.id, f.geometry, {
        name: f.properties.name,
        level: f.properties.level,
        builtUp: isBuiltUp(f),
      }),
    ),
    [LABEL_SOURCE]: features
      .filter((f) => f.properties.level !== 'county')
      .map((f) =>
        mapFeature(
          f.id,
          { type: 'Point', coordinates: labelPoint(f.geometry) },
          { name: f.properties.name, level: f.properties.level },
        ),
      ),
  }),
  layers: (p) => [
    {
      id: 'admin_areas-fill',
      type: 'fill',
      source: 'admin_areas',
      // Only the county is tinted; the others are invisible but still answer clicks.
      paint: {
        'fill-color': p.adminFill,
        'fill-opacity': ['match', ['get', 'level'], 'county', COUNTY_FILL_OPACITY, 0],
      },
    },
    {
      id: BUILT_UP_LAYER_ID,
      type: 'fill',
      source: 'admin_areas',
      filter: ['==', ['get', 'builtUp'], true],
      paint: { 'fill-color': p.builtUp },
    },
    {
      id: 'admin_areas-outline',
      type: 'line',
      source: 'admin_areas',
      layout: {
        'line-join': 'round',
        'line-sort-key': ['match', ['get', 'level'], 'county', 3, 'township', 2, 1],
      },
      paint: {
        'line-color': [
          'match',
          ['get', 'level'],
          'county',
          p.adminCounty,
          'township',
          p.adminTownship,
          p.adminVillage,
        ],
        'line-width': ['match', ['get', 'level'], 'county', 2.5, 'township', 1.5, 1],
        'line-dasharray': [
          'match',
          ['get', 'level'],
          'county',
          ['literal', [1, 0]],
          'township',
          ['literal', [6, 3]],
          ['literal', [2, 2]],
        ],
      },
    },
  ],
  labels: (p) => [
    {
      id: 'admin_areas-label',
      type: 'symbol',
      source: LABEL_SOURCE,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LOCAL_FONT_STACK,
        'text-size': ['match', ['get', 'level'], 'township', TOWNSHIP_TEXT_PX, VILLAGE_TEXT_PX],
        'symbol-sort-key': ['match', ['get', 'level'], 'township', 0, 1],
      },
      paint: {
        'text-color': ['match', ['get', 'level'], 'township', p.ink, p.muted],
        'text-halo-color': p.halo,
        'text-halo-width': 1.5,
      },
    },
  ],
  legend: [
    {
      label: t.legend.adminOutline(t.enums.adminLevel.county),
      symbol: { kind: 'line', color: BASE.adminCounty, widthPx: 2.5 },
    },
    {
      label: t.legend.adminOutline(t.enums.adminLevel.township),
      symbol: { kind: 'line', color: BASE.adminTownship, widthPx: 1.5, dashed: true },
    },
    {
      label: t.legend.adminOutline(t.enums.adminLevel.village),
      symbol: { kind: 'line', color: BASE.adminVillage, widthPx: 1, dashed: true },
    },
  ],
};
