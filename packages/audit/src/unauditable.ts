import type { Origin } from '@atlas/rules';
import type { CompiledProfile } from './compile.ts';
import type { Unauditable } from './finding.ts';
import type { SchoolIndex } from './indexes.ts';
import { MISSING_ORIGIN_REASON } from './origins.ts';

// Schools a rule protects but whose geometry lacks the rule's origin (no outline, no gates,
// no main gate, no point). They are reported, never silently skipped: one entry per school and
// origin, naming every rule that could not be decided.

export function unauditableSchool(
  profile: CompiledProfile,
  schools: SchoolIndex,
  i: number,
): Unauditable[] {
  const school = schools.schools[i]!;
  const slots = schools.origins.slots[i]!;
  const needed = profile.slotsNeededByType.get(school.properties.type) ?? 0;
  if ((slots & needed) === needed) return []; // the common case: nothing missing
  const missing = new Map<Origin, string[]>();
  for (const c of profile.rulesByType.get(school.properties.type) ?? []) {
    if ((slots & (2 ** c.slot)) !== 0) continue;
    const ids = missing.get(c.rule.origin) ?? [];
    ids.push(c.rule.id);
    missing.set(c.rule.origin, ids);
  }
  return [...missing].map(([origin, ruleIds]) => ({
    schoolId: school.id,
    schoolType: school.properties.type,
    origin,
    ruleIds,
    reason: MISSING_ORIGIN_REASON[origin],
  }));
}
