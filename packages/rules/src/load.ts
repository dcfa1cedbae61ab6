import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataProblem } from '@atlas/model';
import type { RuleProfile } from './schema.ts';
import { parseProfile } from './validate.ts';
import type { ValidationContext } from './validate.ts';

// Read every *.json profile in a folder (data/rules). A broken file is reported, not thrown:
// its problems name the file and the field path (`hubei.json: rules.3.distanceM`).

export interface LoadedProfiles {
  profiles: RuleProfile[];
  /** Errors of files that were refused and warnings of files that loaded. */
  problems: DataProblem[];
}

export function readProfileDir(dir: string, context: ValidationContext): LoadedProfiles {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const profiles: RuleProfile[] = [];
  const problems: DataProblem[] = [];
  for (const file of files) {
    const named = (p: DataProblem): DataProblem => ({
      ...p,
      field: p.field ? `${file}: ${p.field}` : file,
    });
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(named({ row: null, field: null, reason: String(e), severity: 'error' }));
      continue;
    }
    const parsed = parseProfile(json, context);
    if (parsed.ok) {
      profiles.push(parsed.profile);
      problems.push(...parsed.warnings.map(named));
    } else problems.push(...parsed.problems.map(named));
  }
  return { profiles, problems };
}
