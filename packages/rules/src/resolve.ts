import type { DataProblem, SchoolType } from '@atlas/model';
import { JURISDICTIONS } from './schema.ts';
import type { Rule, RuleProfile, Zone } from './schema.ts';

// Profiles stack broad → narrow: national → province → city → district. A narrower profile
// adds rules (where several apply to one pair the strictest wins, all are listed); it may
// fill in a number a broader rule left open (same rule id), but never replace a number the
// broader law set — a province cannot loosen national law by editing it away.

/** A rule as the audit uses it: school groups expanded, its profile named. */
export type ResolvedRule = Rule & { profileId: string; schoolTypes: SchoolType[] };
export type ResolvedZone = Zone & { profileId: string; schoolTypes: SchoolType[] };

export interface ResolvedProfile {
  /** The narrowest profile's id and name. */
  id: string;
  name: string;
  /** Profile ids, broadest first. */
  chain: string[];
  rules: ResolvedRule[];
  zones: ResolvedZone[];
  campaigns: RuleProfile['campaigns'];
}

export type ResolveResult =
  { ok: true; profile: ResolvedProfile } | { ok: false; problems: DataProblem[] };

const rank = (j: RuleProfile['jurisdiction']) => JURISDICTIONS.indexOf(j);

function problem(field: string, reason: string): DataProblem {
  return { row: null, field, reason, severity: 'error' };
}

/** Stack already-validated profiles, broadest first, into one resolved profile. */
export function resolveProfiles(chain: RuleProfile[]): ResolveResult {
  const problems: DataProblem[] = [];
  if (chain.length === 0) return { ok: false, problems: [problem('', 'no profile given')] };
  const rules = new Map<string, ResolvedRule>();
  const zones = new Map<string, ResolvedZone>();
  chain.forEach((profile, i) => {
    const at = `profiles.${profile.id}`;
    const parent = chain[i - 1];
    const expected = parent?.id ?? null;
    if (profile.extends !== expected)
      problems.push(
        problem(
          `${at}.extends`,
          expected === null
            ? `extends "${profile.extends}", which is not in the chain`
            : `must extend "${expected}" (the profile before it), not "${profile.extends}"`,
        ),
      );
    if (parent && rank(profile.jurisdiction) <= rank(parent.jurisdiction))
      problems.push(
        problem(
          `${at}.jurisdiction`,
          `a ${profile.jurisdiction} profile cannot stack on a ${parent.jurisdiction} one`,
        ),
      );
    const expand = (protects: string[]) => expandProtects(profile, protects);
    profile.rules.forEach((rule, r) => {
      const earlier = rules.get(rule.id);
      if (earlier && !fillsIn(earlier, rule)) {
        problems.push(
          problem(
            `${at}.rules.${r}.id`,
            `rule "${rule.id}" from "${earlier.profileId}" sets its number; a narrower ` +
              'profile may add a stricter rule under a new id but not replace it',
          ),
        );
        return;
      }
      rules.set(rule.id, { ...rule, profileId: profile.id, schoolTypes: expand(rule.protects) });
    });
    for (const zone of profile.zones)
      zones.set(zone.id, { ...zone, profileId: profile.id, schoolTypes: expand(zone.protects) });
  });
  if (problems.length > 0) return { ok: false, problems };
  const leaf = chain[chain.length - 1]!;
  return {
    ok: true,
    profile: {
      id: leaf.id,
      name: leaf.name,
      chain: chain.map((p) => p.id),
      rules: [...rules.values()],
      zones: [...zones.values()],
      campaigns: chain.flatMap((p) => p.campaigns),
    },
  };
}

/** The chain from the broadest profile down to `leafId`, following `extends`. */
export function profileChain(
  leafId: string,
  library: RuleProfile[],
): { ok: true; chain: RuleProfile[] } | { ok: false; problems: DataProblem[] } {
  const byId = new Map(library.map((p) => [p.id, p]));
  const chain: RuleProfile[] = [];
  let id: string | null = leafId;
  while (id !== null) {
    const profile = byId.get(id);
    if (!profile) return { ok: false, problems: [problem('extends', `no profile "${id}"`)] };
    if (chain.includes(profile))
      return { ok: false, problems: [problem('extends', `profile "${id}" extends itself`)] };
    chain.unshift(profile);
    id = profile.extends;
  }
  return { ok: true, chain };
}

/** A narrower rule may take an earlier rule's id only to set the number it left open. */
function fillsIn(earlier: Rule, rule: Rule): boolean {
  if (earlier.kind !== rule.kind) return false;
  if (earlier.kind === 'store' || earlier.kind === 'water') return earlier.distanceM === null;
  if (earlier.kind === 'hazard') return earlier.threatRadiusMarginM === null;
  return false;
}

function expandProtects(profile: RuleProfile, protects: string[]): SchoolType[] {
  const out = new Set<SchoolType>();
  for (const p of protects) {
    const group = profile.schoolGroups[p];
    if (group) group.forEach((t) => out.add(t));
    else out.add(p as SchoolType); // validateProfile has checked it is a school type key
  }
  return [...out];
}
