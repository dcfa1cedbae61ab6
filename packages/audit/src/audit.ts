import type { ResolvedProfile } from '@atlas/rules';
import { auditSchoolStores } from './audit-stores.ts';
import { auditTarget, hazardSpec, pipelineSpec, waterSpec } from './audit-targets.ts';
import { compileProfile } from './compile.ts';
import type { AuditResult, Finding, Unauditable, UndecidedTarget } from './finding.ts';
import { buildSchoolIndex, buildStoreIndex } from './indexes.ts';
import type { AuditInput, ColumnarAuditInput } from './input.ts';
import { auditOptions } from './options.ts';
import type { AuditOptions } from './options.ts';
import { isStoreColumns, storeColumnsOf } from './store-columns.ts';
import { unauditableSchool } from './unauditable.ts';
import { buildWalkNetwork } from './walking/network.ts';
import { WalkMeasurer } from './walking/walking.ts';

// The whole audit, top-down: compile the profile, index once, then per school the stores
// near it, per hazard / water body / pipeline the schools near it. Pure: no I/O, no clock.
// Stores come as features or as columns (store-columns.ts); the audit reads columns.

export function runAudit(
  input: AuditInput | ColumnarAuditInput,
  profile: ResolvedProfile,
  options: Partial<AuditOptions> = {},
): AuditResult {
  const { campusUncertaintyM } = auditOptions(options);
  const network = buildWalkNetwork(input.roads ?? []);
  const compiled = compileProfile(profile, network !== null);
  const schools = buildSchoolIndex(input.schools);
  const columns = isStoreColumns(input.stores) ? input.stores : storeColumnsOf(input.stores);
  const stores = buildStoreIndex(columns, compiled.storeCategoryMask);
  const walk = network && new WalkMeasurer(network);
  const ctx = { profile: compiled, schools, stores, campusUncertaintyM, walk };

  const findings: Finding[] = [];
  const unauditable: Unauditable[] = [];
  const undecidedTargets: UndecidedTarget[] = [];
  for (let i = 0; i < input.schools.length; i++) {
    for (const u of unauditableSchool(compiled, schools, i)) unauditable.push(u);
    auditSchoolStores(ctx, i, findings);
  }
  const targets = [
    ...(input.hazards ?? []).map(hazardSpec),
    ...(input.water ?? []).map(waterSpec),
    ...(input.pipelines ?? []).map(pipelineSpec),
  ];
  const targetRules = [...compiled.hazardRules, ...compiled.waterRules, ...compiled.pipelineRules];
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
