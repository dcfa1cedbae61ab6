import type { LayerName } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LAYER_GROUPS, styleLayerIds, storeGroup } from '../../map/index.ts';
import type { LegendItem } from '../../map/index.ts';
import { BUILT_UP_LAYER_ID } from '../../map/layers/admin-areas.ts';
import { audit, AUDIT_LAYER_IDS } from '../../map/layers/audit.ts';
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
  /**
   * What the count is taken over: an atlas layer (optionally one store type), the selected
   * school's zones, built-up areas, or an audit tile layer (violation lines of one status).
   */
  counts:
    | { layer: LayerName; storeGroup?: StoreGroup }
    | 'zones'
    | 'builtUp'
    | { audit: 'perimeter_zones' }
    | { audit: 'violations'; status: AuditStatus };
};

/** Statuses the audit layer draws lines for, each its own switch. */
export const AUDIT_STATUSES = ['violation', 'borderline', 'monitor'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const auditItemId = (status: AuditStatus) => `audit.${status}`;

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

// The latest audit run from the tiles: every school's rings, and the finding lines by
// status (one switch each; the map filters the one `violations` layer by the statuses on).
const auditItems: PanelItem[] = [
  {
    id: 'audit.zones',
    label: t.panel.auditZonesItem,
    legend: audit.legend.slice(0, 1),
    styleLayerIds: [AUDIT_LAYER_IDS[0]],
    counts: { audit: 'perimeter_zones' },
  },
  ...AUDIT_STATUSES.map((status, i): PanelItem => ({
    id: auditItemId(status),
    label: t.panel.auditLine(t.statuses[status] ?? status),
    legend: audit.legend.slice(i + 1, i + 2),
    styleLayerIds: [],
    counts: { audit: 'violations', status },
  })),
];

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
      ...auditItems,
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

/** Audit line statuses switched on, given the hidden entries. */
export function visibleAuditStatuses(hidden: ReadonlySet<string>): AuditStatus[] {
  return AUDIT_STATUSES.filter((s) => !hidden.has(auditItemId(s)));
}

/** Store types switched on, given the hidden entries. */
export function visibleStoreGroups(hidden: ReadonlySet<string>): StoreGroup[] {
  return STORE_GROUPS.filter((g) => !hidden.has(`stores.${g}`));
}

export { storeGroup };
