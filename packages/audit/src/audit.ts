import type { ResolvedProfile } from '@atlas/rules';
import { auditSchoolStores } from './audit-stores.ts';
import { auditTarget } from './audit-targets.ts';
import { prepareAudit } from './prepare.ts';
import type { PreparedAudit } from './prepare.ts';
import type { AuditResult, Finding, Unauditable, UndecidedTarget } from './finding.ts';
import type { AuditInput, ColumnarAuditInput } from './input.ts';
import type { AuditOptions } from './options.ts';
import { unauditableSchool } from './unauditable.ts';

// The whole audit, top-down: compile the profile, index once, then per school the stores
// near it, per hazard / water body / pipeline the schools near it. Pure: no I/O, no clock.
// Stores come as features or as columns (store-columns.ts); the audit reads columns.

export function runAudit(
  input: AuditInput | ColumnarAuditInput,
  profile: ResolvedProfile,
  options: Partial<AuditOptions> = {},
): AuditResult {
  return auditPrepared(prepareAudit(input, profile, options), profile);
}

/** The audit over indexes already built (an incremental session keeps and reuses them). */
export function auditPrepared(prepared: PreparedAudit, profile: ResolvedProfile): AuditResult {
  const { campusUncertaintyM, compiled, schools, ctx, targets, targetRules } = prepared;
  const findings: Finding[] = [];
  const unauditable: Unauditable[] = [];
  const undecidedTargets: UndecidedTarget[] = [];
  for (let i = 0; i < schools.schools.length; i++) {
    for (const u of unauditableSchool(compiled, schools, i)) unauditable.push(u);
    auditSchoolStores(ctx, i, findings);
  }
  for (const spec of targets)
    auditTarget(spec, targetRules, schools, campusUncertaintyM, findings, undecidedTargets);

  return {
    profileId: profile.id,
    findings,
    unauditable,
    unevaluatedRules: compiled.unevaluated,
    undecidedTargets,
  };
}
