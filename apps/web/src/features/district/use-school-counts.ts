import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox } from '@atlas/model';
import type { ApiClient } from '../../api/index.ts';
import { summaryFilters } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { useAuditSummary } from '../filters/use-audit-summary.ts';

// Findings per school for the per-school choropleth, for the schools in the current view
// only (asked again when the map comes to rest elsewhere): a province has 30,000 schools,
// a view at school zoom a few hundred. Past MAX_VIEW_SCHOOLS the view is too wide to colour
// school by school and `tooMany` says so.

/** Most schools coloured in one view. */
export const MAX_VIEW_SCHOOLS = 2000;

export type SchoolCounts = { counts: Map<string, number> | null; tooMany: boolean };

const viewOf = (map: MapLibreMap): Bbox => {
  const b = map.getBounds();
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return [
    clamp(b.getWest(), 180),
    clamp(b.getSouth(), 90),
    clamp(b.getEast(), 180),
    clamp(b.getNorth(), 90),
  ];
};

export function useSchoolCounts(
  api: ApiClient,
  map: MapLibreMap | null,
  active: boolean,
  filters: Filters,
): SchoolCounts {
  const [view, setView] = useState<Bbox | null>(null);
  useEffect(() => {
    if (!map || !active) return;
    const moved = () => setView(viewOf(map));
    moved();
    map.on('moveend', moved);
    return () => {
      map.off('moveend', moved);
    };
  }, [map, active]);
  const request = useMemo(
    () =>
      active && view ? { ...summaryFilters(filters), bbox: view, schools: MAX_VIEW_SCHOOLS } : null,
    [active, view, filters],
  );
  const load = useAuditSummary(api, request);
  return useMemo(() => {
    const summary = load?.status === 'loaded' ? load.data.summary : null;
    if (!summary) return { counts: null, tooMany: false };
    const tooMany = summary.schoolCount > summary.schools.length;
    return { counts: new Map(summary.schools.map((s) => [s.id, s.count])), tooMany };
  }, [load]);
}
