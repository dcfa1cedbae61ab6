import type { LayerFeature } from '@atlas/model';
import { PROHIBITED_GROUPS } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import { mapFeature } from '../layer-group.ts';
import type { LayerGroup } from '../layer-group.ts';
import { STORE_GROUPS, storeMarkerId } from '../markers.ts';
import type { StoreGroup } from '../markers.ts';

// Stores, one marker per prohibited group (see ../markers.ts for why colour, shape and a
// character all differ). A shop in several groups (烟酒店) shows the first group in the
// campaign's order; its popup lists every category.

const NAME_MIN_ZOOM = 16;
const NAME_TEXT_PX = 11;
const NAME_OFFSET_EM = 1.3;

/** The marker group of a store: its first prohibited group, or 'other'. */
export function storeGroup(
  categories: readonly LayerFeature<'stores'>['properties']['categories'][number][],
): StoreGroup {
  for (const [group, spec] of Object.entries(PROHIBITED_GROUPS)) {
    if (spec.categories.some((c) => categories.includes(c))) return group as StoreGroup;
  }
  return 'other';
}

export const stores: LayerGroup<'stores'> = {
  layer: 'stores',
  sourceIds: ['stores'],
  toSources: (features) => ({
    stores: features.map((f) => {
      const group = storeGroup(f.properties.categories);
      return mapFeature(f.id, f.geometry, {
        name: f.properties.name,
        adminCode: f.properties.adminCode ?? '',
        group,
        marker: storeMarkerId(group),
        // Prohibited stores draw above ordinary ones where they overlap.
        rank: group === 'other' ? 0 : 1,
      });
    }),
  }),
  layers: () => [
    {
      id: 'stores-point',
      type: 'symbol',
      source: 'stores',
      layout: {
        'icon-image': ['get', 'marker'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': ['get', 'rank'],
      },
    },
  ],
  labels: (p) => [
    {
      id: 'stores-label',
      type: 'symbol',
      source: 'stores',
      minzoom: NAME_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
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
