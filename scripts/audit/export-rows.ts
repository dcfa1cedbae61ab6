import type { Finding, LoadedInput } from '@atlas/audit';
import { statusLabels, townshipOf } from '@atlas/audit';
import { effectLabels } from '@atlas/rules';

// One flat row per finding, for spreadsheets (CSV) and map properties (GeoJSON): names
// looked up, the deciding rule's legal source spelled out, every rule id listed.

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
  legal_source: string;
  origin_lng: number;
  origin_lat: number;
  target_lng: number;
  target_lat: number;
}

/** Distances are printed to the millimetre: finer digits are noise, coarser hide a dispute. */
const MM_DIGITS = 3;
const round = (m: number) => Number(m.toFixed(MM_DIGITS));

export function rowsOf(findings: readonly Finding[], input: LoadedInput): FindingRow[] {
  const schools = new Map(input.schools.map((s) => [s.id, s.properties]));
  const names = new Map<string, string>();
  for (const layer of [input.stores, input.hazards, input.water, input.pipelines])
    for (const f of layer) names.set(f.id, f.properties.name);
  return findings.map((f) => {
    const school = schools.get(f.schoolId);
    const rule = f.rules[0]!;
    const src = rule.source;
    return {
      id: f.id,
      school_id: f.schoolId,
      school_name: school?.name ?? '',
      township: townshipOf(school?.adminCode) ?? '',
      target_kind: f.targetKind,
      target_id: f.targetId,
      target_name: names.get(f.targetId) ?? '',
      category: f.category,
      status: f.status,
      status_label: statusLabels[f.status],
      effect: f.effect,
      effect_label: effectLabels[f.effect],
      distance_m: round(f.distanceM),
      limit_m: f.limitM,
      margin_m: round(f.marginM),
      uncertainty_m: f.uncertaintyM,
      origin: f.method.origin,
      metric: f.method.metric,
      rule_ids: f.rules.map((r) => r.ruleId).join(' '),
      legal_source: `${src.title}${src.article ? ` ${src.article}` : ''}（${src.issuingBody}，${src.date}）`,
      origin_lng: f.originPoint[0],
      origin_lat: f.originPoint[1],
      target_lng: f.targetPoint[0],
      target_lat: f.targetPoint[1],
    };
  });
}
