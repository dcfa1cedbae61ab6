import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { LayerFeature } from '@atlas/model';
import { PROHIBITED_GROUPS } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import type { LayerGroup, LegendItem } from '../layer-group.ts';
import { STORE_GROUPS, storeMarkerId } from '../markers.ts';
import type { StoreGroup } from '../markers.ts';
import { BASE } from '../palette.ts';
import type { Palette } from '../palette.ts';
import { fromTiles, IS_CELL, IS_SINGLE } from '../tile-source.ts';
import { bubbleLayers, ONE_MEMBER } from './cells.ts';

// Stores, one marker per prohibited group (see ../markers.ts for why colour, shape and a
// character all differ). A shop in several groups (烟酒店) shows the first group in the
// campaign's order; its popup lists every category. Tiles carry a store's categories as
// comma-separated text; below the store detail zoom they carry grid cells with `count` and
// a count per prohibited group instead. A cell with one store shows that store's marker; a
// cell with prohibited stores of the groups switched on, a bubble numbering them; a cell of
// ordinary shops only, the small grey dot of 其他门店.

/** Store names from this zoom: the tiles carry them from z16 (@atlas/tiles STORE_NAME_ZOOM). */
const NAME_MIN_ZOOM = 16;
const NAME_TEXT_PX = 11;
const NAME_OFFSET_EM = 1.3;
const PROHIBITED = Object.keys(PROHIBITED_GROUPS) as Exclude<StoreGroup, 'other'>[];

export const STORE_LAYER_IDS = {
  point: 'stores-point',
  label: 'stores-label',
  cellOne: 'stores-cell-one',
  cellOther: 'stores-cell-other',
  bubble: 'stores-cell',
  bubbleCount: 'stores-cell-count',
} as const;

/** The marker group of a store: its first prohibited group, or 'other'. */
export function storeGroup(
  categories: readonly LayerFeature<'stores'>['properties']['categories'][number][],
): StoreGroup {
  for (const [group, spec] of Object.entries(PROHIBITED_GROUPS)) {
    if (spec.categories.some((c) => categories.includes(c))) return group as StoreGroup;
  }
  return 'other';
}

/** storeGroup() of a tile store, whose categories come as comma-separated text. */
export function storeGroupOfText(categories: string): StoreGroup {
  return storeGroup(categories.split(',') as Parameters<typeof storeGroup>[0]);
}

/** The same, as a style expression over the tile's `categories` text. */
const singleGroup: ExpressionSpecification = [
  'case',
  ...PROHIBITED.flatMap((group): ExpressionSpecification[] => [
    [
      'any',
      ...PROHIBITED_GROUPS[group].categories.map((c): ExpressionSpecification => [
        'in',
        `,${c},`,
        ['concat', ',', ['coalesce', ['get', 'categories'], ''], ','],
      ]),
    ],
    group as unknown as ExpressionSpecification,
  ]),
  'other',
] as unknown as ExpressionSpecification;

/** The group of a one-store cell: the first group it counts, or 'other'. */
const cellGroup: ExpressionSpecification = [
  'case',
  ...PROHIBITED.flatMap((group): ExpressionSpecification[] => [
    ['>', ['coalesce', ['get', group], 0], 0],
    group as unknown as ExpressionSpecification,
  ]),
  'other',
] as unknown as ExpressionSpecification;

const groupCount = (g: string): ExpressionSpecification => ['coalesce', ['get', g], 0];
const sum = (terms: ExpressionSpecification[]): ExpressionSpecification =>
  terms.length === 0 ? ['+', 0, 0] : terms.length === 1 ? ['+', 0, terms[0]!] : ['+', ...terms];

/** Prohibited stores of the groups shown in a cell (a shop in two groups counts twice). */
export function visibleProhibited(visible: readonly StoreGroup[]): ExpressionSpecification {
  return sum(PROHIBITED.filter((g) => visible.includes(g)).map(groupCount));
}

/** Ordinary shops in a cell: those in no prohibited group (at least 0). */
const ordinary: ExpressionSpecification = [
  'max',
  0,
  ['-', ['get', 'count'], sum(PROHIBITED.map(groupCount))],
];

/** Each store style layer's filter for the groups switched on (and the township test). */
export function storeFilters(
  visible: readonly StoreGroup[],
  extra: readonly ExpressionSpecification[] = [],
): Record<(typeof STORE_LAYER_IDS)[keyof typeof STORE_LAYER_IDS], FilterSpecification> {
  const shown: ExpressionSpecification = ['literal', visible];
  const single: FilterSpecification = ['all', IS_SINGLE, ['in', singleGroup, shown], ...extra];
  const prohibited = visibleProhibited(visible);
  const bubble: FilterSpecification = ['all', IS_CELL, ['!', ONE_MEMBER], ['>', prohibited, 0]];
  const otherDot: FilterSpecification = visible.includes('other')
    ? ['all', IS_CELL, ['!', ONE_MEMBER], ['==', prohibited, 0], ['>', ordinary, 0]]
    : ['boolean', false];
  return {
    'stores-point': single,
    'stores-label': single,
    'stores-cell-one': ['all', IS_CELL, ONE_MEMBER, ['in', cellGroup, shown]],
    'stores-cell-other': otherDot,
    'stores-cell': bubble,
    'stores-cell-count': bubble,
  };
}

const ALL_SHOWN = storeFilters(STORE_GROUPS);

const bubbleColors = (p: Palette) => ({ fill: p.cellFill, stroke: p.cellStroke, text: p.cellText });

/** The bubble paint and layout that depend on the groups shown (its number and size). */
export function storeBubbles(p: Palette, visible: readonly StoreGroup[]) {
  return bubbleLayers(
    STORE_LAYER_IDS.bubble,
    'stores',
    ALL_SHOWN['stores-cell'] as ExpressionSpecification,
    visibleProhibited(visible),
    bubbleColors(p),
  );
}

/** The legend of the cell bubbles (light theme), for the panel's hint and the printed map. */
export const STORE_CELL_LEGEND: LegendItem = {
  label: t.legend.storeCells,
  symbol: { kind: 'circle', color: BASE.cellFill, stroke: BASE.cellStroke },
};

export const stores: LayerGroup<'stores'> = {
  layer: 'stores',
  sourceLayers: ['stores'],
  layers: (p) => [
    {
      id: STORE_LAYER_IDS.cellOther,
      type: 'symbol',
      ...fromTiles('stores'),
      filter: ALL_SHOWN['stores-cell-other'],
      layout: {
        'icon-image': storeMarkerId('other'),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    storeBubbles(p, STORE_GROUPS).circle,
    {
      id: STORE_LAYER_IDS.cellOne,
      type: 'symbol',
      ...fromTiles('stores'),
      filter: ALL_SHOWN['stores-cell-one'],
      layout: {
        'icon-image': ['concat', 'store-', cellGroup],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: STORE_LAYER_IDS.point,
      type: 'symbol',
      ...fromTiles('stores'),
      filter: ALL_SHOWN['stores-point'],
      layout: {
        'icon-image': ['concat', 'store-', singleGroup],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        // Prohibited stores draw above ordinary ones where they overlap.
        'symbol-sort-key': ['match', singleGroup, 'other', 0, 1],
      },
    },
  ],
  labels: (p) => [
    storeBubbles(p, STORE_GROUPS).text,
    {
      id: STORE_LAYER_IDS.label,
      type: 'symbol',
      ...fromTiles('stores'),
      filter: ALL_SHOWN['stores-label'],
      minzoom: NAME_MIN_ZOOM,
      layout: {
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': LOCAL_FONT_STACK,
        'text-size': NAME_TEXT_PX,
        'text-offset': [0, NAME_OFFSET_EM],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': p.ink, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
  ],
  legend: STORE_GROUPS.map((group) => ({
    label: group === 'other' ? t.legend.otherStore : t.enums.prohibitedGroup[group],
    symbol: { kind: 'marker', marker: storeMarkerId(group) },
  })),
};
