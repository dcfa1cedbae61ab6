import { problemsFromZod, schoolType } from '@atlas/model';
import type { DataProblem } from '@atlas/model';
import { RuleProfile } from './schema.ts';

// Validate a profile as a user wrote it: every problem at once, each naming its field path
// (e.g. `rules.3.distanceM`). Never throws on user data.

export interface ValidationContext {
  /** Whether a roads layer with walkable roads is loaded (walking distances need one). */
  hasRoads: boolean;
}

export type ParsedProfile =
  | { ok: true; profile: RuleProfile; warnings: DataProblem[] }
  | { ok: false; problems: DataProblem[] };

/** Every error and warning in a profile; an empty list means it is fit to audit with. */
export function validateProfile(input: unknown, context: ValidationContext): DataProblem[] {
  const parsed = RuleProfile.safeParse(input);
  const schemaProblems = parsed.success ? [] : problemsFromZod(parsed.error);
  return [...schemaProblems, ...crossFieldProblems(input, context)];
}

/** Parse a profile: the typed profile and its warnings, or every problem if it has errors. */
export function parseProfile(input: unknown, context: ValidationContext): ParsedProfile {
  const problems = validateProfile(input, context);
  const parsed = RuleProfile.safeParse(input);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!parsed.success || errors.length > 0) return { ok: false, problems };
  return { ok: true, profile: parsed.data, warnings: problems };
}

const SCHOOL_TYPES = new Set<string>(Object.keys(schoolType.labels));

function error(field: string, reason: string): DataProblem {
  return { row: null, field, reason, severity: 'error' };
}
function warning(field: string, reason: string): DataProblem {
  return { row: null, field, reason, severity: 'warning' };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// Checks the schema cannot express. They read the raw input defensively so that they run
// even when the schema already failed, and the user sees everything in one go.
function crossFieldProblems(input: unknown, { hasRoads }: ValidationContext): DataProblem[] {
  if (!isRecord(input)) return [];
  const problems: DataProblem[] = [];
  const groups = isRecord(input.schoolGroups) ? Object.keys(input.schoolGroups) : [];
  for (const name of groups) {
    if (SCHOOL_TYPES.has(name))
      problems.push(error(`schoolGroups.${name}`, 'a group name must not be a school type key'));
  }
  const known = new Set([...SCHOOL_TYPES, ...groups]);
  const checkProtects = (protects: unknown, path: string) => {
    if (!Array.isArray(protects)) return;
    protects.forEach((p, j) => {
      if (typeof p === 'string' && !known.has(p))
        problems.push(error(`${path}.${j}`, `unknown school type or group "${p}"`));
    });
  };

  const rules = Array.isArray(input.rules) ? input.rules : [];
  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, i) => {
    if (!isRecord(rule)) return;
    const at = `rules.${i}`;
    if (typeof rule.id === 'string') {
      const first = seen.get(rule.id);
      if (first !== undefined)
        problems.push(error(`${at}.id`, `duplicate rule id "${rule.id}" (also rules.${first})`));
      else seen.set(rule.id, i);
    }
    checkProtects(rule.protects, `${at}.protects`);
    if (rule.metric === 'walking' && rule.kind !== 'store')
      problems.push(error(`${at}.metric`, 'walking distance is defined for store rules only'));
    if (rule.metric === 'walking' && !hasRoads)
      problems.push(
        error(`${at}.metric`, 'walking distance needs a roads layer with walkable roads'),
      );
    if (
      rule.kind === 'store' &&
      rule.category !== 'entertainment' &&
      isSet(rule, 'entertainmentSubtypes')
    )
      problems.push(
        error(`${at}.entertainmentSubtypes`, 'subtypes apply to category "entertainment" only'),
      );
    if ((rule.kind === 'store' || rule.kind === 'water') && rule.distanceM === null)
      problems.push(
        warning(
          `${at}.distanceM`,
          'the source sets no number: not evaluated until a narrower profile sets one',
        ),
      );
    if (rule.kind === 'hazard' && rule.threatRadiusMarginM === null)
      problems.push(
        warning(
          `${at}.threatRadiusMarginM`,
          'no margin set: hazards with only an assumed radius are reported as undecided',
        ),
      );
  });
  const zones = Array.isArray(input.zones) ? input.zones : [];
  zones.forEach((zone: unknown, i) => {
    if (isRecord(zone)) checkProtects(zone.protects, `zones.${i}.protects`);
  });
  return problems;
}

function isSet(rule: Record<string, unknown>, key: string): boolean {
  return rule[key] !== undefined && rule[key] !== null;
}
