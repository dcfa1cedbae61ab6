import { useMemo } from 'react';
import type { ApiClient } from '../../api/index.ts';
import { filtersBySchool, summaryFilters } from './filters.ts';
import type { Filters } from './filters.ts';
import { useAuditSummary } from './use-audit-summary.ts';

// The audit's map lines (`violations`, `perimeter_zones`) carry a school id but neither the
// school's township nor its type. With a township or school-type filter on, the server says
// which schools have findings under the filters, and the map keeps the lines of those. Past
// MAX_FILTER_SCHOOLS schools (a whole province by type) the lines are not narrowed by school.

/** Most school ids put into one map filter expression. */
export const MAX_FILTER_SCHOOLS = 5000;

/** School ids the audit lines are narrowed to, or null when they are not narrowed. */
export function useAuditSchools(api: ApiClient, filters: Filters): string[] | null {
  const request = useMemo(
    () =>
      filtersBySchool(filters)
        ? { ...summaryFilters(filters), categories: [], statuses: [], schools: MAX_FILTER_SCHOOLS }
        : null,
    [filters],
  );
  const load = useAuditSummary(api, request);
  return useMemo(() => {
    if (!request || load?.status !== 'loaded' || !load.data.summary) return null;
    const { schools, schoolCount } = load.data.summary;
    return schoolCount > schools.length ? null : schools.map((s) => s.id);
  }, [request, load]);
}
