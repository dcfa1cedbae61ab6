import type { FindingSummary } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { groupOfCategory } from '../filters/filters.ts';

// The server's counts turned into chart bars: per township (every township, by name), per
// chart category (store findings by 五类场所 group, the rest by target kind) and per school.

export type Bar = { key: string; label: string; count: number };

const byCountThenLabel = (a: Bar, b: Bar) =>
  b.count - a.count || a.label.localeCompare(b.label, 'zh-CN');

/** A finding's chart category: its store type (五类场所), or hazards / water / pipelines. */
export function chartCategory(
  targetKind: string,
  category: string,
): { key: string; label: string } {
  if (targetKind === 'store') {
    const group = groupOfCategory(category);
    if (group) return { key: group, label: t.enums.prohibitedGroup[group] };
  }
  return { key: targetKind, label: t.district.targetKinds[targetKind] ?? targetKind };
}

export function byTownship(summary: FindingSummary): Bar[] {
  return summary.townships
    .map((a) => ({ key: a.code, label: a.name ?? a.code, count: a.count }))
    .sort(byCountThenLabel);
}

export function byCategory(summary: FindingSummary): Bar[] {
  const bars = new Map<string, Bar>();
  for (const c of summary.byCategory) {
    const { key, label } = chartCategory(c.targetKind, c.category);
    const bar = bars.get(key) ?? { key, label, count: 0 };
    bar.count += c.count;
    bars.set(key, bar);
  }
  return [...bars.values()].sort(byCountThenLabel);
}

export function bySchool(summary: FindingSummary): Bar[] {
  return summary.schools.map((s) => ({ key: s.id, label: s.name ?? s.id, count: s.count }));
}

/** Counts per key (township code or school id), for the choropleth. */
export const countsOf = (bars: readonly { key: string; count: number }[]) =>
  new Map(bars.map((b) => [b.key, b.count]));
