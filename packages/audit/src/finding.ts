import { z } from 'zod';
import { Position, schoolType } from '@atlas/model';
import { Effect, LegalSource, Metric, Origin } from '@atlas/rules';

// The audit's output shapes, written once: types, validation and API docs derive from these.

/** violation: inside a prohibiting limit · monitor: inside a monitoring band (not a violation)
 *  · borderline: |margin| within the combined positional uncertainty (需实地核查) · clear. */
export const STATUSES = ['violation', 'borderline', 'monitor', 'clear'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;
export const statusLabels: Record<Status, string> = {
  violation: '违规',
  borderline: '临界（需实地核查）',
  monitor: '重点监管',
  clear: '合规',
};

export const TargetKind = z.enum(['store', 'hazard', 'water', 'pipeline']);
export type TargetKind = z.infer<typeof TargetKind>;

export const Method = z.object({ origin: Origin, metric: Metric });
export type Method = z.infer<typeof Method>;

/** One rule applied to one school–target pair. */
export const RuleEvaluation = z.object({
  ruleId: z.string(),
  profileId: z.string(),
  jurisdiction: z.string(),
  effect: Effect,
  status: Status,
  limitM: z.number().describe('the rule distance (0 for must-not-cross/touch rules)'),
  inclusive: z.boolean(),
  distanceM: z.number().describe('measured by this rule’s own origin and metric'),
  marginM: z.number().describe('distanceM − limitM: negative is inside the limit'),
  method: Method,
  originPoint: Position.describe('nearest point of the origin (for drawing the line)'),
  targetPoint: Position.describe('nearest point of the target'),
  path: z
    .array(Position)
    .nullable()
    .describe(
      'walking rules: the path along the roads, origin to target (null for straight lines)',
    ),
  assumption: z.string().nullable().describe('set when the limit rests on an assumption'),
  source: LegalSource,
});
export type RuleEvaluation = z.infer<typeof RuleEvaluation>;

/** A school–target pair that at least one rule does not clear; the first rule decides. */
export const Finding = z.object({
  id: z.string().describe('stable key: school/kind/target/category, for diffs between runs'),
  schoolId: z.string(),
  targetKind: TargetKind,
  targetId: z.string(),
  category: z.string().describe('store category, hazard type, water kind or pipeline kind'),
  status: Status,
  effect: Effect,
  distanceM: z.number(),
  limitM: z.number(),
  marginM: z.number(),
  uncertaintyM: z.number().describe('combined positional uncertainty of target and campus'),
  method: Method,
  originPoint: Position,
  targetPoint: Position,
  path: z.array(Position).nullable().describe('the deciding rule’s walking path, if any'),
  rules: z.array(RuleEvaluation).min(1).describe('every applicable rule, strictest first'),
});
export type Finding = z.infer<typeof Finding>;

/** A school some rule protects but whose geometry cannot support the rule's origin. */
export const Unauditable = z.object({
  schoolId: z.string(),
  schoolType: schoolType.schema,
  origin: Origin,
  ruleIds: z.array(z.string()).min(1),
  reason: z.string(),
});
export type Unauditable = z.infer<typeof Unauditable>;

/** A rule the audit did not apply, and why (no number set, no walkable roads …). */
export const UnevaluatedRule = z.object({ ruleId: z.string(), reason: z.string() });
export type UnevaluatedRule = z.infer<typeof UnevaluatedRule>;

/** A hazard that cannot be decided: no threat zone, and no radius or no margin. */
export const UndecidedTarget = z.object({
  targetKind: TargetKind,
  targetId: z.string(),
  ruleId: z.string(),
  reason: z.string(),
});
export type UndecidedTarget = z.infer<typeof UndecidedTarget>;

export const AuditResult = z.object({
  profileId: z.string(),
  findings: z.array(Finding),
  unauditable: z.array(Unauditable),
  unevaluatedRules: z.array(UnevaluatedRule),
  undecidedTargets: z.array(UndecidedTarget),
});
export type AuditResult = z.infer<typeof AuditResult>;
