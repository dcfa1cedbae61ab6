import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { categoriesOfGroups, passes } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { visibleAuditStatuses } from './panel-items.ts';

// The district filters and the panel's status switches as filters on the audit's tile
// layers. A `violations` line carries its status and category; lines and rings both carry
// their school's type (`schoolType`) and 9-digit township code (`township`), so every
// filter is a plain expression on the tile's properties: the rings of a school without
// findings stay when it passes, and a province-wide filter costs no more than a county's.

export type AuditFilters = {
  /** null: no status left to draw, hide the layer. */
  violations: FilterSpecification | null;
  zones: FilterSpecification;
};

/** The school-type and township filters as tests on a line's or ring's properties. */
function schoolTests(filters: Filters): ExpressionSpecification[] {
  const tests: ExpressionSpecification[] = [];
  if (filters.schoolTypes.length)
    tests.push(['in', ['get', 'schoolType'], ['literal', [...filters.schoolTypes]]]);
  if (filters.township) tests.push(['==', ['get', 'township'], filters.township]);
  return tests;
}

/** The same school tests in plain code, for counting tile features (view-counts.ts). */
export const passesSchoolFilters = (filters: Filters, p: Record<string, unknown>) =>
  passes<unknown>(filters.schoolTypes, p.schoolType) &&
  (filters.township === null || p.township === filters.township);

export function auditFilters(hidden: ReadonlySet<string>, filters: Filters): AuditFilters {
  const statuses = visibleAuditStatuses(hidden).filter(
    (s) => filters.statuses.length === 0 || filters.statuses.includes(s),
  );
  const tests: ExpressionSpecification[] = [
    ['in', ['get', 'status'], ['literal', statuses]],
    ...schoolTests(filters),
  ];
  if (filters.categories.length)
    tests.push(['in', ['get', 'category'], ['literal', categoriesOfGroups(filters.categories)]]);
  return {
    violations: statuses.length ? ['all', ...tests] : null,
    zones: ['all', ...schoolTests(filters)],
  };
}
