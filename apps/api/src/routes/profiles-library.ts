import { RuleProfile, readShippedProfiles, resolveFromLibrary } from '@atlas/rules';
import type { ProfileLibrary, ResolvedProfile, ValidationContext } from '@atlas/rules';
import type { AtlasStore } from '@atlas/store';
import { ApiProblem } from '../problem.ts';

// The rule profiles the API knows: shipped JSON (read once, read-only) and the user's (DuckDB).

let shipped: RuleProfile[] | null = null;

export async function profileLibrary(store: AtlasStore): Promise<ProfileLibrary> {
  shipped ??= readShippedProfiles();
  const user = (await store.listProfiles()).map((p) => RuleProfile.parse(p.profile));
  return { shipped, user };
}

export async function validationContext(store: AtlasStore): Promise<ValidationContext> {
  return { hasRoads: (await store.walkableRoadCount()) > 0 };
}

/** A profile id or an inline (what-if) profile, resolved; 400 listing every problem if not. */
export async function resolveProfileOr400(
  store: AtlasStore,
  profile: string | unknown,
): Promise<ResolvedProfile> {
  const resolved = resolveFromLibrary(
    profile,
    await profileLibrary(store),
    await validationContext(store),
  );
  if (!resolved.ok) throw invalidProfile(resolved.problems);
  return resolved.profile;
}

export function invalidProfile(problems: ApiProblem['problems'] & object): ApiProblem {
  const errors = problems.filter((p) => p.severity === 'error');
  return new ApiProblem(
    400,
    'invalid-profile',
    '规则配置无效 Invalid rule profile',
    `${errors.length} problem(s): ${errors.map((p) => `${p.field ?? 'profile'}: ${p.reason}`).join('; ')}`,
    problems,
  );
}
