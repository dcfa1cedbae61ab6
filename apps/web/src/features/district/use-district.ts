import { useMemo } from 'react';
import type { ApiClient } from '../../api/index.ts';
import { summaryFilters } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { useAuditSummary } from '../filters/use-audit-summary.ts';
import type { SummaryData, SummaryLoad } from '../filters/use-audit-summary.ts';

// What the district view needs: the latest audit run's findings counted by the server
// under the filters — per township (with names), per category, status and school type, and
// the schools with most findings. Nothing is loaded whole: a province's run is ~77,000
// findings, its answer here a few hundred numbers.

/** Schools with most findings listed beside the charts. */
export const SCHOOLS_LISTED = 30;
/** Schools asked for with a township chosen: its findings list names each school. */
export const TOWNSHIP_SCHOOLS = 500;

export type DistrictData = SummaryData;
export type DistrictLoad = SummaryLoad;

export function useDistrict(api: ApiClient, filters: Filters): DistrictLoad | null {
  const request = useMemo(
    () => ({
      ...summaryFilters(filters),
      schools: filters.township ? TOWNSHIP_SCHOOLS : SCHOOLS_LISTED,
    }),
    [filters],
  );
  return useAuditSummary(api, request);
}
