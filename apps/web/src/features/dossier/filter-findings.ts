import type { Finding } from '../../api/index.ts';
import { groupOfCategory, passes } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';

/** The findings the district filters let through: status, and store type for stores. */
export function filterFindings(findings: readonly Finding[], filters: Filters): Finding[] {
  return findings.filter((f) => {
    if (!passes(filters.statuses, f.status as Filters['statuses'][number])) return false;
    if (filters.categories.length === 0) return true;
    const group = f.targetKind === 'store' ? groupOfCategory(f.category) : null;
    return group !== null && filters.categories.includes(group);
  });
}
