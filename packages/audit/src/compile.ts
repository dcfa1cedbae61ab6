import { schoolType } from '@atlas/model';
import type { SchoolType } from '@atlas/model';
import type { ResolvedProfile, ResolvedRule } from '@atlas/rules';
import { factsOf } from './classify.ts';
import type { RuleFacts } from './classify.ts';
import type { UnevaluatedRule } from './finding.ts';
import { ORIGIN_SLOT_COUNT, ORIGIN_SLOTS } from './origins.ts';
import type { OriginSlot } from './origins.ts';
import { categoryBit, subtypeMask } from './store-columns.ts';

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
  /** The rule's facts for evaluations, and its decision inputs, read once (classify.ts). */
  facts: RuleFacts;
  inclusive: boolean;
  effect: RuleFacts['effect'];
  categoryBit: number;
  /** Entertainment subtypes the rule is limited to, as bits (store-columns.ts); null: any. */
  subtypeMask: number | null;
  /** Measured along the walkable roads (metric walking). */
  walking: boolean;
}

/** The store rules a school can be audited by, given its type and the origins it has. */
export interface StoreRuleSet {
  rules: CompiledStoreRule[];
  /** Category bits any of them looks at, and the largest limit, metres. */
  categoryMask: number;
  limitM: number;
  /** The rules looking at some category of a store's mask, in profile order (see rulesFor). */
  byMask: Map<number, CompiledStoreRule[]>;
}

/** The rules of a set that look at one of the categories in `mask` (memoised: a province's
 *  stores hold a few dozen category combinations, and most rules name another category). */
export function rulesFor(set: StoreRuleSet, mask: number): CompiledStoreRule[] {
  let rules = set.byMask.get(mask);
  if (!rules) {
    rules = set.rules.filter((c) => (mask & c.categoryBit) !== 0);
    set.byMask.set(mask, rules);
  }
  return rules;
}

export interface CompiledProfile {
  profileId: string;
  /** Store rules per school type; a type no rule protects has an empty list. */
  storeRulesByType: Map<SchoolType, CompiledStoreRule[]>;
  /** Per school type, indexed by the bits of the origin slots a school has (origins.ts). */
  storeRuleSets: Map<SchoolType, StoreRuleSet[]>;
  /** Category bits that any applicable store rule looks at. */
  storeCategoryMask: number;
  hazardRules: Compiled<'hazard'>[];
  waterRules: Compiled<'water'>[];
  pipelineRules: Compiled<'pipeline'>[];
  /** Every applied rule, per school type (for reporting un-auditable schools). */
  rulesByType: Map<SchoolType, AnyCompiled[]>;
  /** Per school type, the bits of the origin slots its rules measure from. */
  slotsNeededByType: Map<SchoolType, number>;
  unevaluated: UnevaluatedRule[];
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
        facts: factsOf(rule),
        inclusive: rule.inclusive,
        effect: rule.effect,
        categoryBit: categoryBit(rule.category),
        subtypeMask: rule.entertainmentSubtypes ? subtypeMask(rule.entertainmentSubtypes) : null,
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
  const storeRulesByType = forType(storeRules);
  const rulesByType = forType(compiled);
  return {
    profileId: profile.id,
    storeRulesByType,
    storeRuleSets: new Map(
      [...storeRulesByType].map(([type, rules]) => [type, ruleSetsBySlots(rules)]),
    ),
    storeCategoryMask: storeRules.reduce((mask, c) => mask | c.categoryBit, 0),
    hazardRules: compiled.filter((c): c is Compiled<'hazard'> => c.rule.kind === 'hazard'),
    waterRules: compiled.filter((c): c is Compiled<'water'> => c.rule.kind === 'water'),
    pipelineRules: compiled.filter((c): c is Compiled<'pipeline'> => c.rule.kind === 'pipeline'),
    rulesByType,
    slotsNeededByType: new Map(
      [...rulesByType].map(([type, list]) => [type, list.reduce((b, c) => b | (2 ** c.slot), 0)]),
    ),
    unevaluated,
  };
}

function ruleSetsBySlots(rules: CompiledStoreRule[]): StoreRuleSet[] {
  return Array.from({ length: 2 ** ORIGIN_SLOT_COUNT }, (_, slots) => {
    const usable = rules.filter((c) => (slots & (2 ** c.slot)) !== 0);
    return {
      rules: usable,
      categoryMask: usable.reduce((mask, c) => mask | c.categoryBit, 0),
      limitM: usable.reduce((m, c) => Math.max(m, c.limitM), 0),
      byMask: new Map(),
    };
  });
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
