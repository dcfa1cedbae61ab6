import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  keysByClass,
  SCHOOL_CHOROPLETH_IDS,
  schoolClassFilter,
  TOWNSHIP_CHOROPLETH_IDS,
  townshipClassFilter,
} from '../../map/overlays/choropleth.ts';

// Colours the tiles' townships or schools by their count of (filtered) findings: each
// class's style layer gets a filter listing its codes or ids; the other set is hidden.

export type ChoroplethMode = 'off' | 'township' | 'school';

function showClasses(
  map: MapLibreMap,
  ids: readonly string[],
  counts: ReadonlyMap<string, number> | null,
  filterOf: typeof townshipClassFilter,
): void {
  const classes = counts ? keysByClass(counts) : null;
  ids.forEach((id, i) => {
    if (!map.getLayer(id)) return;
    const keys = classes?.[i] ?? [];
    map.setFilter(id, filterOf(keys));
    map.setLayoutProperty(id, 'visibility', keys.length ? 'visible' : 'none');
  });
}

/** Draws the choropleth of `mode` from the counts (null hides it). */
export function showChoropleth(
  map: MapLibreMap,
  mode: ChoroplethMode,
  townships: ReadonlyMap<string, number> | null,
  schools: ReadonlyMap<string, number> | null,
): void {
  showClasses(
    map,
    TOWNSHIP_CHOROPLETH_IDS,
    mode === 'township' ? townships : null,
    townshipClassFilter,
  );
  showClasses(map, SCHOOL_CHOROPLETH_IDS, mode === 'school' ? schools : null, schoolClassFilter);
}
