import type { AdminArea, School } from '@atlas/model';
import type { Finding } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { filterFindings } from '../dossier/filter-findings.ts';
import { groupOfCategory, inTownship, passes, townshipOf } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';

// The district's findings, filtered and counted per township, per category and per school.

export type Bar = { key: string; label: string; count: number };

/** Findings of schools that pass the school filters, then the finding filters. */
export function districtFindings(
  findings: readonly Finding[],
  schools: ReadonlyMap<string, School>,
  filters: Filters,
): Finding[] {
  return filterFindings(findings, filters).filter((f) => {
    const s = schools.get(f.schoolId);
    if (!s) return filters.township === null && filters.schoolTypes.length === 0;
    return (
      passes(filters.schoolTypes, s.properties.type) && inTownship(filters, s.properties.adminCode)
    );
  });
}

/** A finding's chart category: its store type (五类场所), or hazards / water / pipelines. */
export function chartCategory(f: Finding): { key: string; label: string } {
  if (f.targetKind === 'store') {
    const group = groupOfCategory(f.category);
    if (group) return { key: group, label: t.enums.prohibitedGroup[group] };
  }
  return { key: f.targetKind, label: t.district.targetKinds[f.targetKind] ?? f.targetKind };
}

export function byTownship(
  findings: readonly Finding[],
  schools: ReadonlyMap<string, School>,
  townships: readonly AdminArea[],
): Bar[] {
  const counts = new Map<string, number>(townships.map((a) => [a.properties.code, 0]));
  for (const f of findings) {
    const code = townshipOf(schools.get(f.schoolId)?.properties.adminCode ?? null);
    if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const names = new Map(townships.map((a) => [a.properties.code, a.properties.name]));
  return [...counts]
    .map(([key, count]) => ({ key, label: names.get(key) ?? key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

export function byCategory(findings: readonly Finding[]): Bar[] {
  const bars = new Map<string, Bar>();
  for (const f of findings) {
    const { key, label } = chartCategory(f);
    const bar = bars.get(key) ?? { key, label, count: 0 };
    bar.count++;
    bars.set(key, bar);
  }
  return [...bars.values()].sort((a, b) => b.count - a.count);
}

export function bySchool(
  findings: readonly Finding[],
  schools: ReadonlyMap<string, School>,
): Bar[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.schoolId, (counts.get(f.schoolId) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: schools.get(key)?.properties.name ?? key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}
