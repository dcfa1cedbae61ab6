import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import { NO_FILTERS } from '../filters/filters.ts';
import { auditFilters } from './audit-filters.ts';

// The filters are evaluated by MapLibre's own expression engine on line properties.

const line = (status: string, category: string, schoolId = 's1') => ({
  status,
  category,
  schoolId,
});
/** Whether a filter keeps a tile line with these properties, as MapLibre evaluates it. */
function keeps(filter: FilterSpecification | null, properties: Record<string, string>): boolean {
  if (!filter) return false;
  const { filter: test } = featureFilter(filter, 'filter');
  return test({ zoom: 14 }, { type: 2, properties, geometry: [] } as never);
}

describe('auditFilters', () => {
  it('keeps the lines of the statuses switched on and chosen', () => {
    const hidden = new Set(['audit.monitor']);
    const { violations } = auditFilters(hidden, NO_FILTERS, null);
    expect(keeps(violations, line('violation', 'tobacco'))).toBe(true);
    expect(keeps(violations, line('monitor', 'tobacco'))).toBe(false);
    const chosen = auditFilters(new Set(), { ...NO_FILTERS, statuses: ['borderline'] }, null);
    expect(keeps(chosen.violations, line('violation', 'tobacco'))).toBe(false);
    expect(keeps(chosen.violations, line('borderline', 'tobacco'))).toBe(true);
  });

  it('hides the layer when no status is left', () => {
    const hidden = new Set(['audit.violation', 'audit.borderline', 'audit.monitor']);
    expect(auditFilters(hidden, NO_FILTERS, null).violations).toBeNull();
  });

  it('keeps the store categories of the chosen groups, and drops hazards then', () => {
    const { violations } = auditFilters(
      new Set(),
      { ...NO_FILTERS, categories: ['tobacco'] },
      null,
    );
    expect(keeps(violations, line('violation', 'ecig'))).toBe(true);
    expect(keeps(violations, line('violation', 'lottery'))).toBe(false);
    expect(keeps(violations, line('violation', 'landslide'))).toBe(false);
  });

  it('narrows lines and rings to the listed schools', () => {
    const { violations, zones } = auditFilters(new Set(), NO_FILTERS, ['s2']);
    expect(keeps(violations, line('violation', 'tobacco', 's1'))).toBe(false);
    expect(keeps(violations, line('violation', 'tobacco', 's2'))).toBe(true);
    expect(keeps(zones, line('violation', 'tobacco', 's1'))).toBe(false);
    expect(keeps(auditFilters(new Set(), NO_FILTERS, null).zones, line('x', 'y'))).toBe(true);
  });
});
