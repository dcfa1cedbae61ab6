import type { ExpressionSpecification } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import type { LayerGroup } from '../layer-group.ts';
import { BASE } from '../palette.ts';
import { fromTiles } from '../tile-source.ts';

// Administrative areas: a faint county fill, an outline whose weight and dash say the
// level, and the names from the tiles' `admin_labels` points (one point inside each area,
// so a name is never repeated at tile edges): the county's while zoomed out, then
// townships and villages (township names win collisions).

const COUNTY_FILL_OPACITY = 0.6;
/** 社区 (居委会) are the urban units; their areas stand in for built-up land on the base map. */
const URBAN_SUFFIX = '社区';
export const BUILT_UP_LAYER_ID = 'admin_areas-built-up';
const name: ExpressionSpecification = ['coalesce', ['get', 'name'], ''];
/** The style test of isBuiltUp: a village-level area whose name ends in 社区. */
export const IS_BUILT_UP: ExpressionSpecification = [
  'all',
  ['==', ['get', 'level'], 'village'],
  ['>=', ['length', name], URBAN_SUFFIX.length],
  ['==', ['slice', name, ['-', ['length', name], URBAN_SUFFIX.length]], URBAN_SUFFIX],
];
export const isBuiltUp = (p: { level?: unknown; name?: unknown }) =>
  p.level === 'village' && typeof p.name === 'string' && p.name.endsWith(URBAN_SUFFIX);
const COUNTY_TEXT_PX = 17;
const TOWNSHIP_TEXT_PX = 15;
const VILLAGE_TEXT_PX = 12;
/** The county's name is shown until its townships' names take over. */
const COUNTY_LABEL_MAX_ZOOM = 10;
/** Smaller areas draw later, so their outlines are not hidden by their county's. */
const LEVEL_SORT: ExpressionSpecification = [
  'match',
  ['get', 'level'],
  'county',
  0,
  'township',
  1,
  2,
];

export const adminAreas: LayerGroup<'admin_areas'> = {
  layer: 'admin_areas',
  sourceLayers: ['admin_areas', 'admin_labels'],
  layers: (p) => [
    {
      id: 'admin_areas-fill',
      type: 'fill',
      ...fromTiles('admin_areas'),
      // Only the county is tinted; the others are invisible but still answer clicks.
      layout: { 'fill-sort-key': LEVEL_SORT },
      paint: {
        'fill-color': p.adminFill,
        'fill-opacity': ['match', ['get', 'level'], 'county', COUNTY_FILL_OPACITY, 0],
      },
    },
    {
      id: BUILT_UP_LAYER_ID,
      type: 'fill',
      ...fromTiles('admin_areas'),
      filter: IS_BUILT_UP,
      paint: { 'fill-color': p.builtUp },
    },
    {
      id: 'admin_areas-outline',
      type: 'line',
      ...fromTiles('admin_areas'),
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
      id: 'admin_areas-county-label',
      type: 'symbol',
      ...fromTiles('admin_labels'),
      filter: ['==', ['get', 'level'], 'county'],
      maxzoom: COUNTY_LABEL_MAX_ZOOM,
      layout: {
        'text-field': name,
        'text-font': LOCAL_FONT_STACK,
        'text-size': COUNTY_TEXT_PX,
      },
      paint: { 'text-color': p.ink, 'text-halo-color': p.halo, 'text-halo-width': 2 },
    },
    {
      id: 'admin_areas-label',
      type: 'symbol',
      ...fromTiles('admin_labels'),
      filter: ['!=', ['get', 'level'], 'county'],
      layout: {
        'text-field': name,
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
