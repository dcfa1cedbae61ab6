import type { LayerName } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LAYER_GROUPS, styleLayerIds, storeGroup } from '../../map/index.ts';
import type { LegendItem } from '../../map/index.ts';
import { BUILT_UP_LAYER_ID } from '../../map/layers/admin-areas.ts';
import { STORE_GROUPS } from '../../map/markers.ts';
import type { StoreGroup } from '../../map/markers.ts';
import { ZONE_LAYER_IDS } from '../../map/overlays/dossier.ts';
import { BASE, OKABE_ITO } from '../../map/palette.ts';

// The layer panel's groups and the switch behind each entry, as planners name them:
// 学校 / 周边安全区域 / 五类场所 (each store type its own switch) / 地质灾害隐患点 / 危险水域 /
// 校车线路 / 行政区划, then the base map. An entry either shows/hides style layers or, for
// store types, narrows the store layer's filter (one source, six switches).

export type PanelItem = {
  /** Stable key, kept in the URL's `off=` list. */
  id: string;
  label: string;
  legend: LegendItem[];
  /** Style layers shown or hidden by the switch (none for store types). */
  styleLayerIds: string[];
  /** What the count is taken over: an atlas layer (optionally one store type), or the zones. */
  counts: { layer: LayerName; storeGroup?: StoreGroup } | 'zones' | 'builtUp';
};

export type PanelGroup = { id: string; title: string; items: PanelItem[] };

const legendOf = (layer: LayerName) => LAYER_GROUPS[layer].legend;
const layerItem = (layer: LayerName, label = t.layers[layer]): PanelItem => ({
  id: layer,
  label,
  legend: legendOf(layer),
  styleLayerIds: styleLayerIds(layer),
  counts: { layer },
});
const withoutBuiltUp = (ids: string[]) => ids.filter((id) => id !== BUILT_UP_LAYER_ID);

const storeItems: PanelItem[] = STORE_GROUPS.map((group) => ({
  id: `stores.${group}`,
  label: group === 'other' ? t.legend.otherStore : t.enums.prohibitedGroup[group],
  legend: legendOf('stores').filter((_, i) => STORE_GROUPS[i] === group),
  styleLayerIds: [],
  counts: { layer: 'stores', storeGroup: group },
}));

export const PANEL_GROUPS: PanelGroup[] = [
  { id: 'schools', title: t.panelGroups.schools, items: [layerItem('schools')] },
  {
    id: 'zones',
    title: t.panelGroups.zones,
    items: [
      {
        id: 'zones',
        label: t.panel.zonesItem,
        legend: [
          {
            label: t.legend.zoneRing,
            symbol: { kind: 'line', color: OKABE_ITO.reddishPurple, widthPx: 2, dashed: true },
          },
        ],
        styleLayerIds: [...ZONE_LAYER_IDS],
        counts: 'zones',
      },
    ],
  },
  { id: 'stores', title: t.panelGroups.stores, items: storeItems },
  { id: 'hazards', title: t.panelGroups.hazards, items: [layerItem('hazards')] },
  { id: 'water', title: t.panelGroups.water, items: [layerItem('water')] },
  { id: 'routes', title: t.panelGroups.routes, items: [layerItem('routes')] },
  {
    id: 'admin',
    title: t.panelGroups.admin,
    items: [
      { ...layerItem('admin_areas'), styleLayerIds: withoutBuiltUp(styleLayerIds('admin_areas')) },
    ],
  },
  {
    id: 'base',
    title: t.panelGroups.base,
    items: [
      layerItem('roads'),
      {
        id: 'builtUp',
        label: t.legend.builtUp,
        legend: [
          {
            label: t.legend.builtUpHint,
            symbol: { kind: 'fill', color: BASE.builtUp, outline: BASE.builtUp },
          },
        ],
        styleLayerIds: [BUILT_UP_LAYER_ID],
        counts: 'builtUp',
      },
      layerItem('pipelines'),
    ],
  },
];

export const PANEL_ITEMS: PanelItem[] = PANEL_GROUPS.flatMap((g) => g.items);

/** Store types switched on, given the hidden entries. */
export function visibleStoreGroups(hidden: ReadonlySet<string>): StoreGroup[] {
  return STORE_GROUPS.filter((g) => !hidden.has(`stores.${g}`));
}

export { storeGroup };
