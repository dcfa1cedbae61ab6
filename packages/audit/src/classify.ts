import { EFFECTS } from '@atlas/rules';
import type { ResolvedRule } from '@atlas/rules';
import type { Finding, RuleEvaluation, Status, TargetKind } from './finding.ts';
import type { Measured } from './measure.ts';
import { AT_LIMIT_TOLERANCE_M } from './options.ts';

// Decide one rule for one pair, then order the rules so that the strictest decides.
//
//   margin = distance − limit          (negative: inside the limit)
//   ──────────────┼──────────|──────────┼──────────▶ distance
//            limit − u     limit     limit + u
//   violation     │  borderline (需实地核查)  │   clear
//
// u is the combined positional uncertainty of target and campus. Exactly at the limit
// (within AT_LIMIT_TOLERANCE_M) counts as inside when the rule is inclusive (含本数); the
// same tolerance widens the borderline band, so "margin = u" is borderline however it rounds.
// A monitoring band only says monitor or clear: its edge carries no legal consequence.
// A limit of 0 is a must-not-touch rule (pipeline crossing, threat zone): any overlap is
// inside, and a gap within u is borderline.

export function statusOf(
  distanceM: number,
  limitM: number,
  inclusive: boolean,
  effect: ResolvedRule['effect'],
  uncertaintyM: number,
): Status {
  const marginM = distanceM - limitM;
  const within = inclusive ? marginM <= AT_LIMIT_TOLERANCE_M : marginM < -AT_LIMIT_TOLERANCE_M;
  if (effect === 'monitor') return within ? 'monitor' : 'clear';
  const bandM = uncertaintyM + AT_LIMIT_TOLERANCE_M;
  if (limitM === 0) return within ? 'violation' : distanceM <= bandM ? 'borderline' : 'clear';
  if (uncertaintyM > 0 && Math.abs(marginM) <= bandM) return 'borderline';
  return within ? 'violation' : 'clear';
}

/** What every evaluation of one rule repeats, read once per rule: the hot loops then copy from
 *  one object shape instead of reading the different shapes of the rule kinds. */
export interface RuleFacts {
  ruleId: string;
  profileId: string;
  jurisdiction: string;
  effect: ResolvedRule['effect'];
  method: RuleEvaluation['method'];
  source: RuleEvaluation['source'];
}

const factsCache = new WeakMap<ResolvedRule, RuleFacts>();

/** The facts of a rule (made once per rule; the method object is shared by its evaluations). */
export function factsOf(rule: ResolvedRule): RuleFacts {
  let facts = factsCache.get(rule);
  if (!facts) {
    facts = {
      ruleId: rule.id,
      profileId: rule.profileId,
      jurisdiction: rule.jurisdiction,
      effect: rule.effect,
      method: { origin: rule.origin, metric: 'metric' in rule ? rule.metric : 'geodesic' },
      source: rule.source,
    };
    factsCache.set(rule, facts);
  }
  return facts;
}

export function evaluate(
  rule: ResolvedRule | RuleFacts,
  limitM: number,
  inclusive: boolean,
  measured: Measured,
  uncertaintyM: number,
  assumption: string | null = null,
): RuleEvaluation {
  const facts = 'ruleId' in rule ? rule : factsOf(rule);
  return {
    ruleId: facts.ruleId,
    profileId: facts.profileId,
    jurisdiction: facts.jurisdiction,
    effect: facts.effect,
    status: statusOf(measured.distanceM, limitM, inclusive, facts.effect, uncertaintyM),
    limitM,
    inclusive,
    distanceM: measured.distanceM,
    marginM: measured.distanceM - limitM,
    method: facts.method,
    originPoint: measured.originPoint,
    targetPoint: measured.targetPoint,
    path: measured.path ?? null,
    assumption,
    source: facts.source,
  };
}

const STATUS_RANK: Record<Status, number> = { violation: 0, borderline: 1, monitor: 2, clear: 3 };
const EFFECT_RANK = Object.fromEntries(EFFECTS.map((e, i) => [e, i])) as Record<string, number>;

/** Strictest first: worst status, then harshest effect, then widest limit, then rule id. */
export function strictestFirst(a: RuleEvaluation, b: RuleEvaluation): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    EFFECT_RANK[a.effect]! - EFFECT_RANK[b.effect]! ||
    b.limitM - a.limitM ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** In place, stable, like Array#sort(strictestFirst) — but a pair has a handful of rules, and
 *  Array#sort allocates a work array per call (half the garbage of a province audit). */
function sortStrictestFirst(list: RuleEvaluation[]): void {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && strictestFirst(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
}

/** A finding from every rule that applied to one pair, or null when every rule clears it. */
export function findingFrom(
  schoolId: string,
  targetKind: TargetKind,
  targetId: string,
  category: string,
  uncertaintyM: number,
  evaluations: RuleEvaluation[],
): Finding | null {
  sortStrictestFirst(evaluations);
  const decisive = evaluations[0];
  if (!decisive || decisive.status === 'clear') return null;
  return {
    // join builds one flat string; a template literal would keep a chain of five cons strings
    id: [schoolId, targetKind, targetId, category].join('/'),
    schoolId,
    targetKind,
    targetId,
    category,
    status: decisive.status,
    effect: decisive.effect,
    distanceM: decisive.distanceM,
    limitM: decisive.limitM,
    marginM: decisive.marginM,
    uncertaintyM,
    method: decisive.method,
    originPoint: decisive.originPoint,
    targetPoint: decisive.targetPoint,
    path: decisive.path,
    rules: evaluations,
  };
}
