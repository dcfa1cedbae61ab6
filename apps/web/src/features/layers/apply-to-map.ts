import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Filters } from '../filters/filters.ts';
import { TOWNSHIP_CODE_DIGITS } from '../filters/filters.ts';
import { PANEL_ITEMS, visibleStoreGroups } from './panel-items.ts';

// The panel's switches and the district filters, applied to the drawn map: switches hide
// style layers; store types and filters become MapLibre filter expressions.

const STORE_LAYERS = ['stores-point', 'stores-label'];
const SCHOOL_LAYERS = [
  'schools-point',
  'schools-label',
  'schools-campus-fill',
  'schools-campus-outline',
  'schools-gate',
];

function townshipTest(filters: Filters): ExpressionSpecification[] {
  if (!filters.township) return [];
  return [
    [
      '==',
      ['slice', ['coalesce', ['get', 'adminCode'], ''], 0, TOWNSHIP_CODE_DIGITS],
      filters.township,
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
  const storeFilter: FilterSpecification = [
    'all',
    ['in', ['get', 'group'], ['literal', groups]],
    ...townshipTest(filters),
  ];
  for (const id of STORE_LAYERS) if (map.getLayer(id)) map.setFilter(id, storeFilter);

  const schoolTests: ExpressionSpecification[] = [...townshipTest(filters)];
  if (filters.schoolTypes.length)
    schoolTests.push(['in', ['get', 'type'], ['literal', filters.schoolTypes]]);
  const schoolFilter: FilterSpecification | null = schoolTests.length
    ? ['all', ...schoolTests]
    : null;
  for (const id of SCHOOL_LAYERS) if (map.getLayer(id)) map.setFilter(id, schoolFilter);
}
