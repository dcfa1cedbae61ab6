import type { ResolvedProfile } from '@atlas/rules';
import type { StoreAuditContext } from './audit-stores.ts';
import { hazardSpec, pipelineSpec, waterSpec } from './audit-targets.ts';
import { compileProfile } from './compile.ts';
import { buildSchoolIndex, buildStoreIndex } from './indexes.ts';
import type { AuditInput, ColumnarAuditInput } from './input.ts';
import { auditOptions } from './options.ts';
import type { AuditOptions } from './options.ts';
import { isStoreColumns, storeColumnsOf } from './store-columns.ts';
import { buildWalkNetwork } from './walking/network.ts';
import { WalkMeasurer } from './walking/walking.ts';

// What a full audit and an incremental session both build first: the compiled profile, the
// indexes (once per audit) and the hazard / water / pipeline targets with their rules.

export type PreparedAudit = ReturnType<typeof prepareAudit>;

export function prepareAudit(
  input: AuditInput | ColumnarAuditInput,
  profile: ResolvedProfile,
  options: Partial<AuditOptions>,
) {
  const { campusUncertaintyM } = auditOptions(options);
  const network = buildWalkNetwork(input.roads ?? []);
  const compiled = compileProfile(profile, network !== null);
  const schools = buildSchoolIndex(input.schools);
  const columns = isStoreColumns(input.stores) ? input.stores : storeColumnsOf(input.stores);
  const stores = buildStoreIndex(columns, compiled.storeCategoryMask);
  const walk = network && new WalkMeasurer(network);
  const ctx: StoreAuditContext = { profile: compiled, schools, stores, campusUncertaintyM, walk };
  const targets = [
    ...(input.hazards ?? []).map(hazardSpec),
    ...(input.water ?? []).map(waterSpec),
    ...(input.pipelines ?? []).map(pipelineSpec),
  ];
  const targetRules = [...compiled.hazardRules, ...compiled.waterRules, ...compiled.pipelineRules];
  return {
    campusUncertaintyM,
    compiled,
    schools,
    columns,
    stores,
    walk,
    ctx,
    targets,
    targetRules,
  };
}
