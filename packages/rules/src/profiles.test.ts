import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readProfileDir } from './load.ts';
import { profileChain, resolveProfiles } from './resolve.ts';

// The shipped profiles under data/rules: valid, stackable, and every rule traced in the README.
const dir = fileURLToPath(new URL('../../../data/rules', import.meta.url));
const loaded = readProfileDir(dir, { hasRoads: false });
const readme = readFileSync(`${dir}/README.md`, 'utf8');

describe('data/rules profiles', () => {
  it('load without errors', () => {
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.profiles.map((p) => p.id).sort()).toEqual(
      expect.arrayContaining(['hubei', 'national']),
    );
  });

  it('warn only where the law sets no number', () => {
    for (const p of loaded.problems) expect(p.field).toMatch(/^national\.json: rules\.\d+\./);
  });

  it('stack national → hubei', () => {
    const chain = profileChain('hubei', loaded.profiles);
    expect(chain.ok).toBe(true);
    if (!chain.ok) return;
    const resolved = resolveProfiles(chain.chain);
    expect(resolved.ok).toBe(true);
    if (resolved.ok) expect(resolved.profile.chain).toEqual(['national', 'hubei']);
  });

  it('are traced rule by rule in data/rules/README.md', () => {
    for (const profile of loaded.profiles)
      for (const rule of [...profile.rules, ...profile.zones]) expect(readme).toContain(rule.id);
  });
});
