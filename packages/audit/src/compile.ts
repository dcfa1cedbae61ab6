import { schoolType, storeCategory } from '@atlas/model';
import type { SchoolType, StoreCategory } from '@atlas/model';
import type { ResolvedProfile, ResolvedRule } from '@atlas/rules';
import type { UnevaluatedRule } from './finding.ts';
import { ORIGIN_SLOTS } from './origins.ts';
import type { OriginSlot } from './origins.ts';

// Turn a resolved profile into lookup tables for the hot loops: rules per school type, store
// categories as bits, and the largest reach. Rules that cannot be applied are listed, not dropped.

type Of<K extends ResolvedRule['kind']> = Extract<ResolvedRule, { kind: K }>;

export interface Compiled<K extends ResolvedRule['kind']> {
  rule: Of<K>;
  slot: OriginSlot;
  /** store and water: the rule distance; pipeline: 0 (must not cross); hazard: its margin */
  limitM: number;
}

export interface CompiledStoreRule extends Compiled<'store'> {
  categoryBit: number;
  subtypes: ReadonlySet<string> | null;
  /** Measured along the walkable roads (metric walking). */
  walking: boolean;
}

export interface CompiledProfile {
  profileId: string;
  /** Store rules per school type; a type no rule protects has an empty list. */
  storeRulesByType: Map<SchoolType, CompiledStoreRule[]>;
  /** Category bits that any applicable store rule looks at. */
  storeCategoryMask: number;
  hazardRules: Compiled<'hazard'>[];
  waterRules: Compiled<'water'>[];
  pipelineRules: Compiled<'pipeline'>[];
  /** Every applied rule, per school type (for reporting un-auditable schools). */
  rulesByType: Map<SchoolType, AnyCompiled[]>;
  unevaluated: UnevaluatedRule[];
}

const CATEGORY_BITS = new Map(
  (Object.keys(storeCategory.labels) as StoreCategory[]).map((c, i) => [c, 1 << i]),
);

/** The category bits of a store: one bit per category it holds. */
export function categoryMask(categories: readonly StoreCategory[]): number {
  let mask = 0;
  for (const c of categories) mask |= CATEGORY_BITS.get(c) ?? 0;
  return mask;
}

export function categoryBit(category: StoreCategory): number {
  return CATEGORY_BITS.get(category)!;
}

export type AnyCompiled =
  CompiledStoreRule | Compiled<'hazard'> | Compiled<'water'> | Compiled<'pipeline'>;

function compileRule(rule: ResolvedRule): AnyCompiled {
  const slot = ORIGIN_SLOTS[rule.origin];
  switch (rule.kind) {
    case 'store':
      return {
        rule,
        slot,
        limitM: rule.distanceM!,
        categoryBit: categoryBit(rule.category),
        subtypes: rule.entertainmentSubtypes ? new Set(rule.entertainmentSubtypes) : null,
        walking: rule.metric === 'walking',
      };
    case 'water':
      return { rule, slot, limitM: rule.distanceM! };
    case 'hazard':
      return { rule, slot, limitM: rule.threatRadiusMarginM ?? 0 };
    case 'pipeline':
      return { rule, slot, limitM: 0 };
  }
}

/** `hasWalkNetwork`: whether walkable roads were loaded (walking rules need them). */
export function compileProfile(profile: ResolvedProfile, hasWalkNetwork = false): CompiledProfile {
  const unevaluated: UnevaluatedRule[] = [];
  const compiled: AnyCompiled[] = [];
  for (const rule of profile.rules) {
    const skip = whyNotApplied(rule, hasWalkNetwork);
    if (skip) unevaluated.push({ ruleId: rule.id, reason: skip });
    else compiled.push(compileRule(rule));
  }
  const storeRules = compiled.filter((c): c is CompiledStoreRule => c.rule.kind === 'store');
  const types = Object.keys(schoolType.labels) as SchoolType[];
  const forType = <T extends AnyCompiled>(list: T[]) =>
    new Map(types.map((t) => [t, list.filter((c) => c.rule.schoolTypes.includes(t))]));
  return {
    profileId: profile.id,
    storeRulesByType: forType(storeRules),
    storeCategoryMask: storeRules.reduce((mask, c) => mask | c.categoryBit, 0),
    hazardRules: compiled.filter((c): c is Compiled<'hazard'> => c.rule.kind === 'hazard'),
    waterRules: compiled.filter((c): c is Compiled<'water'> => c.rule.kind === 'water'),
    pipelineRules: compiled.filter((c): c is Compiled<'pipeline'> => c.rule.kind === 'pipeline'),
    rulesByType: forType(compiled),
    unevaluated,
  };
}

function whyNotApplied(rule: ResolvedRule, hasWalkNetwork: boolean): string | null {
  if ((rule.kind === 'store' || rule.kind === 'water') && rule.distanceM === null)
    return 'the legal source sets no distance; a narrower profile must set one (left to the deployment)';
  if ('metric' in rule && rule.metric === 'walking' && rule.kind !== 'store')
    return 'walking distance is defined for store rules only: this rule was NOT applied';
  if ('metric' in rule && rule.metric === 'walking' && !hasWalkNetwork)
    return 'no walkable roads loaded: walking distance cannot be measured, this rule was NOT applied';
  return null;
}
