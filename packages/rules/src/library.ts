import { fileURLToPath } from 'node:url';
import type { DataProblem } from '@atlas/model';
import { readProfileDir } from './load.ts';
import { profileChain, resolveProfiles } from './resolve.ts';
import type { ResolvedProfile } from './resolve.ts';
import type { RuleProfile } from './schema.ts';
import { parseProfile } from './validate.ts';
import type { ValidationContext } from './validate.ts';

// The profiles an audit can use: the shipped JSON profiles (data/rules, read-only defaults) and
// the profiles users created or edited (kept by the store). A what-if audit passes an inline
// profile that stands in for the library's profile of the same id for that one run.

/** data/rules in this repository: the shipped, read-only profiles. */
export const SHIPPED_PROFILES_DIR = fileURLToPath(new URL('../../../data/rules', import.meta.url));

export interface ProfileLibrary {
  /** Shipped profiles: read-only. */
  shipped: RuleProfile[];
  /** User profiles, validated when saved. */
  user: RuleProfile[];
}

export type ResolveOutcome =
  { ok: true; profile: ResolvedProfile } | { ok: false; problems: DataProblem[] };

/** Shipped profiles from a folder; a broken shipped file is our bug, so it throws at once. */
export function readShippedProfiles(dir = SHIPPED_PROFILES_DIR): RuleProfile[] {
  // Shipped profiles must not use walking rules: they have to load on any data.
  const { profiles, problems } = readProfileDir(dir, { hasRoads: false });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(`shipped rule profiles in ${dir} are invalid: ${JSON.stringify(errors)}`);
  return profiles;
}

/** Every profile by id; user profiles never shadow shipped ones (the API refuses that). */
export function libraryProfiles(library: ProfileLibrary): RuleProfile[] {
  const shippedIds = new Set(library.shipped.map((p) => p.id));
  return [...library.shipped, ...library.user.filter((p) => !shippedIds.has(p.id))];
}

function chainAndResolve(leafId: string, profiles: RuleProfile[]): ResolveOutcome {
  const chain = profileChain(leafId, profiles);
  if (!chain.ok) return chain;
  return resolveProfiles(chain.chain);
}

/**
 * The resolved profile for an audit: a library profile by id, or an inline profile (validated
 * here, every problem listed) stacked on the library's chain under it.
 */
export function resolveFromLibrary(
  profile: string | unknown,
  library: ProfileLibrary,
  context: ValidationContext,
): ResolveOutcome {
  const all = libraryProfiles(library);
  if (typeof profile === 'string') {
    if (!all.some((p) => p.id === profile))
      return {
        ok: false,
        problems: [
          {
            row: null,
            field: 'profile',
            reason: `no rule profile "${profile}"; profiles are ${all.map((p) => p.id).join(', ')}`,
            severity: 'error',
          },
        ],
      };
    // a stored profile may have been valid before the roads layer emptied: check again
    const chain = profileChain(profile, all);
    if (!chain.ok) return chain;
    const problems = chain.chain.flatMap((p) =>
      errorsOf(p, context).map((x) => ({ ...x, field: `${p.id}: ${x.field ?? ''}` })),
    );
    if (problems.length > 0) return { ok: false, problems };
    return resolveProfiles(chain.chain);
  }
  const parsed = parseProfile(profile, context);
  if (!parsed.ok) return parsed;
  const others = all.filter((p) => p.id !== parsed.profile.id);
  return chainAndResolve(parsed.profile.id, [...others, parsed.profile]);
}

function errorsOf(p: RuleProfile, context: ValidationContext): DataProblem[] {
  const parsed = parseProfile(p, context);
  return parsed.ok ? [] : parsed.problems.filter((x) => x.severity === 'error');
}

/**
 * Check a profile a user wants to save: valid on its own and stacking onto the library
 * (its `extends` exists, jurisdictions narrow, no number of a broader rule replaced).
 */
export function checkUserProfile(
  input: unknown,
  library: ProfileLibrary,
  context: ValidationContext,
):
  | { ok: true; profile: RuleProfile; warnings: DataProblem[] }
  | { ok: false; problems: DataProblem[] } {
  const parsed = parseProfile(input, context);
  if (!parsed.ok) return parsed;
  const others = libraryProfiles(library).filter((p) => p.id !== parsed.profile.id);
  const resolved = chainAndResolve(parsed.profile.id, [...others, parsed.profile]);
  if (!resolved.ok) return resolved;
  return parsed;
}
