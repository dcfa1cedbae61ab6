import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import { NO_FILTERS } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { auditFilters, passesSchoolFilters } from './audit-filters.ts';

// The filters are evaluated by MapLibre's own expression engine on tile properties.

const TOWNSHIP = '420506101';
const line = (status: string, category: string, more: Record<string, string> = {}) => ({
  status,
  category,
  schoolId: 's1',
  ...more,
});
/** Whether a filter keeps a tile feature with these properties, as MapLibre evaluates it. */
function keeps(filter: FilterSpecification | null, properties: Record<string, string>): boolean {
  if (!filter) return false;
  const { filter: test } = featureFilter(filter, 'filter');
  return test({ zoom: 14 }, { type: 2, properties, geometry: [] } as never);
}

describe('auditFilters', () => {
  it('keeps the lines of the statuses switched on and chosen', () => {
    const hidden = new Set(['audit.monitor']);
    const { violations } = auditFilters(hidden, NO_FILTERS);
    expect(keeps(violations, line('violation', 'tobacco'))).toBe(true);
    expect(keeps(violations, line('monitor', 'tobacco'))).toBe(false);
    const chosen = auditFilters(new Set(), { ...NO_FILTERS, statuses: ['borderline'] });
    expect(keeps(chosen.violations, line('violation', 'tobacco'))).toBe(false);
    expect(keeps(chosen.violations, line('borderline', 'tobacco'))).toBe(true);
  });

  it('hides the layer when no status is left', () => {
    const hidden = new Set(['audit.violation', 'audit.borderline', 'audit.monitor']);
    expect(auditFilters(hidden, NO_FILTERS).violations).toBeNull();
  });

  it('keeps the store categories of the chosen groups, and drops hazards then', () => {
    const { violations } = auditFilters(new Set(), { ...NO_FILTERS, categories: ['tobacco'] });
    expect(keeps(violations, line('violation', 'ecig'))).toBe(true);
    expect(keeps(violations, line('violation', 'lottery'))).toBe(false);
    expect(keeps(violations, line('violation', 'landslide'))).toBe(false);
  });

  it('keeps the lines and rings of the schools of the chosen types and township, by their own properties', () => {
    const filters: Filters = {
      ...NO_FILTERS,
      township: TOWNSHIP,
      schoolTypes: ['primary', 'junior'],
    };
    const { violations, zones } = auditFilters(new Set(), filters);
    const ofSchool = (schoolType: string, township: string) => ({ schoolType, township });
    const ring = (schoolType: string, township: string) => ({
      schoolId: 's9',
      distanceM: '200',
      ...ofSchool(schoolType, township),
    });
    expect(keeps(zones, ring('junior', TOWNSHIP))).toBe(true);
    expect(keeps(zones, ring('kindergarten', TOWNSHIP))).toBe(false);
    expect(keeps(zones, ring('primary', '420506102'))).toBe(false);
    expect(keeps(zones, { schoolId: 's9' })).toBe(false); // a school no longer stored
    expect(keeps(violations, line('violation', 'lottery', ofSchool('primary', TOWNSHIP)))).toBe(
      true,
    );
    expect(keeps(violations, line('violation', 'lottery', ofSchool('high', TOWNSHIP)))).toBe(false);
    expect(keeps(auditFilters(new Set(), NO_FILTERS).zones, { schoolId: 's9' })).toBe(true);
  });

  it('agrees with passesSchoolFilters, the same test in plain code', () => {
    const cases: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, township: TOWNSHIP },
      { ...NO_FILTERS, schoolTypes: ['kindergarten'] },
      { ...NO_FILTERS, township: TOWNSHIP, schoolTypes: ['primary', 'kindergarten'] },
    ];
    const features: Record<string, string>[] = [
      {},
      { schoolType: 'primary' },
      { township: TOWNSHIP },
      { schoolType: 'kindergarten', township: TOWNSHIP },
      { schoolType: 'primary', township: '420506102' },
    ];
    for (const filters of cases)
      for (const p of features)
        expect(keeps(auditFilters(new Set(), filters).zones, p)).toBe(
          passesSchoolFilters(filters, p),
        );
  });
});
