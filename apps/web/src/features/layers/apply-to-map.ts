import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { AUDIT_LAYER_IDS } from '../../map/layers/audit.ts';
import { bubbleRadius } from '../../map/layers/cells.ts';
import { SCHOOL_BASE_FILTERS } from '../../map/layers/schools.ts';
import { STORE_LAYER_IDS, storeFilters, visibleProhibited } from '../../map/layers/stores.ts';
import type { Filters } from '../filters/filters.ts';
import { TOWNSHIP_CODE_DIGITS } from '../filters/filters.ts';
import { auditFilters } from './audit-filters.ts';
import { PANEL_ITEMS, visibleStoreGroups } from './panel-items.ts';

// The panel's switches and the district filters, applied to the drawn map: switches hide
// style layers; store types and filters become MapLibre filter expressions over the tiles'
// fields, and a store cell's bubble numbers only the store types switched on.
// Grid cells carry counts but no type or township: the school-type and township filters
// narrow single features only. Township tests apply to features that carry `adminCode`.
// The audit lines and rings are narrowed by status, category, school type and township,
// each a property they carry (audit-filters.ts).

function townshipTest(filters: Filters): ExpressionSpecification[] {
  if (!filters.township) return [];
  return [
    [
      'any',
      ['!', ['has', 'adminCode']],
      [
        '==',
        ['slice', ['coalesce', ['get', 'adminCode'], ''], 0, TOWNSHIP_CODE_DIGITS],
        filters.township,
      ],
    ],
  ];
}

export function applyLayerState(
  map: MapLibreMap,
  hidden: ReadonlySet<string>,
  filters: Filters,
): void {
  for (const item of PANEL_ITEMS) {
    for (const id of item.styleLayerIds) {
      if (map.getLayer(id))
        map.setLayoutProperty(id, 'visibility', hidden.has(item.id) ? 'none' : 'visible');
    }
  }
  const groups = visibleStoreGroups(hidden).filter(
    (g) => filters.categories.length === 0 || (g !== 'other' && filters.categories.includes(g)),
  );
  for (const [id, filter] of Object.entries(storeFilters(groups, townshipTest(filters)))) {
    if (map.getLayer(id)) map.setFilter(id, filter);
  }
  const count = visibleProhibited(groups);
  if (map.getLayer(STORE_LAYER_IDS.bubble)) {
    map.setPaintProperty(STORE_LAYER_IDS.bubble, 'circle-radius', bubbleRadius(count));
    map.setLayoutProperty(STORE_LAYER_IDS.bubble, 'circle-sort-key', count);
  }
  if (map.getLayer(STORE_LAYER_IDS.bubbleCount)) {
    map.setLayoutProperty(STORE_LAYER_IDS.bubbleCount, 'text-field', ['to-string', count]);
  }

  const schoolTests: ExpressionSpecification[] = [...townshipTest(filters)];
  if (filters.schoolTypes.length)
    schoolTests.push(['in', ['get', 'type'], ['literal', filters.schoolTypes]]);
  for (const [id, base] of Object.entries(SCHOOL_BASE_FILTERS)) {
    const filter: FilterSpecification = ['all', base, ...schoolTests];
    if (map.getLayer(id)) map.setFilter(id, filter);
  }

  const audit = auditFilters(hidden, filters);
  const [zonesId, linesId] = AUDIT_LAYER_IDS;
  if (map.getLayer(zonesId)) map.setFilter(zonesId, audit.zones);
  if (map.getLayer(linesId)) {
    if (audit.violations) map.setFilter(linesId, audit.violations);
    map.setLayoutProperty(linesId, 'visibility', audit.violations ? 'visible' : 'none');
  }
}
