import type { ResolvedProfile } from '@atlas/rules';
import { evaluate, findingFrom } from './classify.ts';
import { compileProfile } from './compile.ts';
import type { Finding, RuleEvaluation } from './finding.ts';
import type { AuditSchool, AuditStore } from './input.ts';
import { measure } from './measure.ts';
import { auditOptions } from './options.ts';
import type { AuditOptions } from './options.ts';
import { originGeometries } from './origins.ts';

// The definition the indexed audit must match, written the naive way: every school against
// every store, every applicable straight-line rule measured exactly, no index, no bounds.
// The brute-force test compares against it; the benchmark times it as the baseline.

export function auditAllPairs(
  schools: readonly AuditSchool[],
  stores: readonly AuditStore[],
  profile: ResolvedProfile,
  options: Partial<AuditOptions> = {},
): Finding[] {
  const { campusUncertaintyM } = auditOptions(options);
  const compiled = compileProfile(profile);
  const out: Finding[] = [];
  for (const s of schools) {
    const origins = originGeometries(s);
    for (const t of stores) {
      const u = t.properties.uncertaintyM + campusUncertaintyM;
      const byCategory = new Map<string, RuleEvaluation[]>();
      for (const c of compiled.storeRulesByType.get(s.properties.type) ?? []) {
        const origin = origins[c.slot];
        if (!origin || !t.properties.categories.includes(c.rule.category)) continue;
        const sub = t.properties.entertainmentSubtype;
        const subtypes = c.rule.entertainmentSubtypes;
        if (subtypes && !(sub && subtypes.includes(sub))) continue;
        const m = measure(origin, { kind: 'point', point: t.geometry.coordinates });
        const list = byCategory.get(c.rule.category) ?? [];
        list.push(evaluate(c.rule, c.limitM, c.rule.inclusive, m, u));
        byCategory.set(c.rule.category, list);
      }
      for (const [category, evaluations] of byCategory) {
        const f = findingFrom(s.id, 'store', t.id, category, u, evaluations);
        if (f) out.push(f);
      }
    }
  }
  return out;
}
