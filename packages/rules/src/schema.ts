import { z } from 'zod';
import {
  IsoDate,
  entertainmentSubtype,
  hazardStatus,
  pipelineKind,
  schoolType,
  storeCategory,
  waterKind,
} from '@atlas/model';

// A rule profile as stored under data/rules/*.json: a list of rules, each a piece of law
// turned into data (what is protected, from what, how far, measured how, with what effect
// and on whose authority). This file is the one definition; types are inferred from it.

export const JURISDICTIONS = ['national', 'province', 'city', 'district'] as const;
export const Jurisdiction = z.enum(JURISDICTIONS);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** Where a distance is measured from. */
export const Origin = z.enum([
  'campus_outline', // 围墙/用地边界: the campus polygon, 0 inside (holes and parts respected)
  'nearest_gate', // the gate nearest to the target (straight line), then measured by the metric
  'every_gate', // measured from every gate by the metric; the shortest counts
  'main_gate', // the centre of the main gate(s) (正门)
  'school_point', // the school's point, where nothing better exists
]);
export type Origin = z.infer<typeof Origin>;

/** How a distance is measured: straight geodesic on WGS84, or along walkable roads. */
export const Metric = z.enum(['geodesic', 'walking']);
export type Metric = z.infer<typeof Metric>;

/** What the rule does to a target inside its limit, strictest first. */
export const EFFECTS = ['prohibited', 'no_renewal', 'phased_exit', 'monitor'] as const;
export const Effect = z.enum(EFFECTS);
export type Effect = z.infer<typeof Effect>;
export const effectLabels: Record<Effect, string> = {
  prohibited: '取缔/不得设立',
  no_renewal: '许可期满不予延续',
  phased_exit: '引导退出',
  monitor: '重点监管（非违规）',
};

export const LegalSource = z.object(
  {
    title: z.string().min(1).describe('法规名称, e.g. 《互联网上网服务营业场所管理条例》'),
    article: z.string().min(1).nullable().describe('条款, e.g. 第九条; null when not verified'),
    issuingBody: z.string().min(1).describe('制定机关'),
    date: IsoDate.describe('施行日期 (or issue date; the note says which)'),
    note: z.string().describe('how the number was read; anything uncertain is said here'),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'every rule needs a legal source { title, article, issuingBody, date, note }'
        : undefined,
  },
);
export type LegalSource = z.infer<typeof LegalSource>;

const RuleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, "_", "." or "-"');
/** A school type key, or the name of a group in the profile's `schoolGroups`. */
const Protects = z.array(z.string().min(1)).min(1).describe('school types or group names');
const DistanceM = z
  .number()
  .positive('a distance must be a positive number of metres')
  .nullable()
  .describe('metres; null when the source sets no number (left to the deployment)');

const common = {
  id: RuleId,
  jurisdiction: Jurisdiction,
  protects: Protects,
  effect: Effect,
  source: LegalSource,
};

/** A category of store may not stand within distanceM of a protected school. */
export const StoreRule = z.object({
  kind: z.literal('store'),
  ...common,
  category: storeCategory.schema,
  entertainmentSubtypes: z
    .array(entertainmentSubtype.schema)
    .min(1)
    .nullable()
    .describe('only for category entertainment; null = every subtype'),
  distanceM: DistanceM,
  inclusive: z.boolean().describe('含本数: exactly at the limit counts as inside'),
  origin: Origin,
  metric: Metric,
});

/** A school inside a hazard's threat zone, or within its assumed radius + margin. */
export const HazardRule = z.object({
  kind: z.literal('hazard'),
  ...common,
  hazardStatuses: z.array(hazardStatus.schema).min(1).describe('which register states count'),
  threatRadiusMarginM: z
    .number()
    .min(0, 'a margin must not be negative')
    .nullable()
    .describe('added to an ASSUMED threat radius; null = radius-only hazards are not decided'),
  origin: Origin,
  metric: Metric,
});

/** Water (drowning risk) within distanceM of a protected school. */
export const WaterRule = z.object({
  kind: z.literal('water'),
  ...common,
  waterKinds: z.array(waterKind.schema).min(1).nullable().describe('null = every kind'),
  distanceM: DistanceM,
  inclusive: z.boolean(),
  origin: Origin,
  metric: Metric,
});

/** A pipeline or power line of these kinds must not cross a protected campus. */
export const PipelineRule = z.object({
  kind: z.literal('pipeline'),
  ...common,
  pipelineKinds: z.array(pipelineKind.schema).min(1),
  origin: z.literal('campus_outline'),
});

export const Rule = z.discriminatedUnion('kind', [StoreRule, HazardRule, WaterRule, PipelineRule]);
export type StoreRule = z.infer<typeof StoreRule>;
export type HazardRule = z.infer<typeof HazardRule>;
export type WaterRule = z.infer<typeof WaterRule>;
export type PipelineRule = z.infer<typeof PipelineRule>;
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];

/** A published perimeter zone (e.g. the 200 m 学校周边安全区域), drawn for each school. */
export const Zone = z.object({
  id: RuleId,
  name: z.string().min(1),
  protects: Protects,
  distanceM: z.number().positive('a distance must be a positive number of metres'),
  origin: Origin,
  source: LegalSource,
});
export type Zone = z.infer<typeof Zone>;

/** A concentrated enforcement campaign (集中整治), months 1–12. */
export const Campaign = z.object({
  name: z.string().min(1),
  months: z.array(z.number().int().min(1).max(12)).min(1),
  source: LegalSource,
});

export const RuleProfile = z.object({
  id: RuleId,
  name: z.string().min(1),
  jurisdiction: Jurisdiction,
  extends: RuleId.nullable().describe('the broader profile this one stacks on'),
  schoolGroups: z
    .record(z.string().min(1), z.array(schoolType.schema).min(1))
    .describe('named sets of school types, e.g. 中小学; the decision is written once here'),
  zones: z.array(Zone),
  campaigns: z.array(Campaign),
  rules: z.array(Rule),
});
export type RuleProfile = z.infer<typeof RuleProfile>;
