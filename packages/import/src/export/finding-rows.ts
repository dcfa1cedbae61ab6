import type { Finding, LoadedInput } from '@atlas/audit';
import { statusLabels, townshipOf } from '@atlas/audit';
import { effectLabels } from '@atlas/rules';

// One flat row per audit finding — the columns every findings export writes (CSV, XLSX,
// GeoJSON properties; the API and `npm run audit` alike): names looked up, status and effect
// in Chinese and English, distances to 0.1 m, every rule id and legal source listed.

export interface FindingRow {
  id: string;
  school_id: string;
  school_name: string;
  township: string;
  target_kind: string;
  target_id: string;
  target_name: string;
  category: string;
  status: string;
  status_label: string;
  effect: string;
  effect_label: string;
  distance_m: number;
  limit_m: number;
  margin_m: number;
  uncertainty_m: number;
  origin: string;
  metric: string;
  rule_ids: string;
  legal_sources: string;
  origin_lng: number;
  origin_lat: number;
  target_lng: number;
  target_lat: number;
}

/** Every column in order, headed "中文(key)" like the layer exports. */
export const FINDING_COLUMNS: readonly { key: keyof FindingRow; header: string }[] = [
  { key: 'id', header: '编号(id)' },
  { key: 'school_id', header: '学校标识码(school_id)' },
  { key: 'school_name', header: '学校名称(school_name)' },
  { key: 'township', header: '乡镇街道(township)' },
  { key: 'target_kind', header: '对象类别(target_kind)' },
  { key: 'target_id', header: '对象编号(target_id)' },
  { key: 'target_name', header: '对象名称(target_name)' },
  { key: 'category', header: '类型(category)' },
  { key: 'status', header: '状态(status)' },
  { key: 'status_label', header: '状态说明(status_label)' },
  { key: 'effect', header: '处理(effect)' },
  { key: 'effect_label', header: '处理说明(effect_label)' },
  { key: 'distance_m', header: '距离米(distance_m)' },
  { key: 'limit_m', header: '限值米(limit_m)' },
  { key: 'margin_m', header: '余量米(margin_m)' },
  { key: 'uncertainty_m', header: '位置误差米(uncertainty_m)' },
  { key: 'origin', header: '起算位置(origin)' },
  { key: 'metric', header: '量算方式(metric)' },
  { key: 'rule_ids', header: '规则(rule_ids)' },
  { key: 'legal_sources', header: '法规依据(legal_sources)' },
  { key: 'origin_lng', header: '起点经度(origin_lng)' },
  { key: 'origin_lat', header: '起点纬度(origin_lat)' },
  { key: 'target_lng', header: '终点经度(target_lng)' },
  { key: 'target_lat', header: '终点纬度(target_lat)' },
];

/** What a row needs beyond the finding: school names and admin codes, target names. */
export interface FindingNames {
  schools: ReadonlyMap<string, { name: string; adminCode?: string | null }>;
  targets: ReadonlyMap<string, string>;
}

/** Distances to the decimetre: what a field check can confirm, and no finer. */
const DECIMETRES_PER_M = 10;
const toDecimetre = (m: number) => Math.round(m * DECIMETRES_PER_M) / DECIMETRES_PER_M;
const SOURCE_SEPARATOR = '；';

export function namesFromInput(input: LoadedInput): FindingNames {
  const targets = new Map<string, string>();
  for (const layer of [input.stores, input.hazards, input.water, input.pipelines])
    for (const f of layer) targets.set(f.id, f.properties.name);
  const schools = new Map(input.schools.map((s) => [s.id, s.properties]));
  return { schools, targets };
}

export function findingRows(findings: readonly Finding[], names: FindingNames): FindingRow[] {
  return findings.map((f) => {
    const school = names.schools.get(f.schoolId);
    const sources = f.rules.map((r) => `${r.source.title}${r.source.article ?? ''}`);
    return {
      id: f.id,
      school_id: f.schoolId,
      school_name: school?.name ?? '',
      township: townshipOf(school?.adminCode) ?? '',
      target_kind: f.targetKind,
      target_id: f.targetId,
      target_name: names.targets.get(f.targetId) ?? '',
      category: f.category,
      status: f.status,
      status_label: statusLabels[f.status],
      effect: f.effect,
      effect_label: effectLabels[f.effect],
      distance_m: toDecimetre(f.distanceM),
      limit_m: f.limitM,
      margin_m: toDecimetre(f.marginM),
      uncertainty_m: toDecimetre(f.uncertaintyM),
      origin: f.method.origin,
      metric: f.method.metric,
      rule_ids: f.rules.map((r) => r.ruleId).join(' '),
      legal_sources: [...new Set(sources)].join(SOURCE_SEPARATOR),
      origin_lng: f.originPoint[0],
      origin_lat: f.originPoint[1],
      target_lng: f.targetPoint[0],
      target_lat: f.targetPoint[1],
    };
  });
}
