import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { categoriesOfGroups } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { visibleAuditStatuses } from './panel-items.ts';

// The district filters and the panel's status switches as filters on the audit's tile
// layers. A `violations` line carries its status and category: the status and category
// filters test those. Neither layer carries the school's township or type, only its id:
// with such a filter on, the lines and rings are kept for the ids the server says pass
// (schoolIds; null when not narrowed by school).

export type AuditFilters = {
  /** null: no status left to draw, hide the layer. */
  violations: FilterSpecification | null;
  zones: FilterSpecification;
};

const schoolTest = (schoolIds: readonly string[] | null): ExpressionSpecification[] =>
  schoolIds ? [['in', ['get', 'schoolId'], ['literal', [...schoolIds]]]] : [];

export function auditFilters(
  hidden: ReadonlySet<string>,
  filters: Filters,
  schoolIds: readonly string[] | null,
): AuditFilters {
  const statuses = visibleAuditStatuses(hidden).filter(
    (s) => filters.statuses.length === 0 || filters.statuses.includes(s),
  );
  const tests: ExpressionSpecification[] = [
    ['in', ['get', 'status'], ['literal', statuses]],
    ...schoolTest(schoolIds),
  ];
  if (filters.categories.length)
    tests.push(['in', ['get', 'category'], ['literal', categoriesOfGroups(filters.categories)]]);
  return {
    violations: statuses.length ? ['all', ...tests] : null,
    zones: ['all', ...schoolTest(schoolIds)],
  };
}
