import { describe, expect, it } from 'vitest';
import { profileChain, resolveProfiles } from './resolve.ts';
import type { RuleProfile, StoreRule } from './schema.ts';

const source = { title: 't', article: null, issuingBody: 'b', date: '2023-10-01', note: '' };
const rule = (id: string, distanceM: number | null): StoreRule => ({
  kind: 'store',
  id,
  jurisdiction: 'national',
  protects: ['中小学'],
  category: 'internet_cafe',
  entertainmentSubtypes: null,
  distanceM,
  inclusive: true,
  origin: 'campus_outline',
  metric: 'geodesic',
  effect: 'prohibited',
  source,
});
const profile = (
  id: string,
  jurisdiction: RuleProfile['jurisdiction'],
  parent: string | null,
  rules: StoreRule[],
): RuleProfile => ({
  id,
  name: id,
  jurisdiction,
  extends: parent,
  schoolGroups: { 中小学: ['primary', 'junior'] },
  zones: [],
  campaigns: [],
  rules,
});

const national = profile('cn', 'national', null, [rule('open', null), rule('cafe', 200)]);

describe('resolveProfiles', () => {
  it('keeps every rule of every level and expands school groups', () => {
    const province = profile('hb', 'province', 'cn', [rule('hb.cafe', 300)]);
    const result = resolveProfiles([national, province]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.chain).toEqual(['cn', 'hb']);
    expect(result.profile.rules.map((r) => [r.id, r.profileId])).toEqual([
      ['open', 'cn'],
      ['cafe', 'cn'],
      ['hb.cafe', 'hb'],
    ]);
    expect(result.profile.rules[0]!.schoolTypes).toEqual(['primary', 'junior']);
  });

  it('lets a narrower profile fill in a number the broader one left open', () => {
    const district = profile('d', 'district', 'cn', [rule('open', 100)]);
    const result = resolveProfiles([national, district]);
    expect(result.ok && result.profile.rules.find((r) => r.id === 'open')).toMatchObject({
      profileId: 'd',
      distanceM: 100,
    });
  });

  it('refuses to replace a number the broader law set', () => {
    const loosened = profile('d', 'district', 'cn', [rule('cafe', 50)]);
    const result = resolveProfiles([national, loosened]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.field).toBe('profiles.d.rules.0.id');
  });

  it('refuses a chain that is out of order or does not follow extends', () => {
    const province = profile('hb', 'province', 'cn', []);
    const result = resolveProfiles([province, national]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.field)).toEqual([
        'profiles.hb.extends',
        'profiles.cn.extends',
        'profiles.cn.jurisdiction',
      ]);
  });
});

describe('profileChain', () => {
  it('follows extends from the leaf to the broadest profile', () => {
    const province = profile('hb', 'province', 'cn', []);
    const city = profile('wh', 'city', 'hb', []);
    const result = profileChain('wh', [city, national, province]);
    expect(result.ok && result.chain.map((p) => p.id)).toEqual(['cn', 'hb', 'wh']);
  });

  it('reports a missing parent instead of throwing', () => {
    const orphan = profile('x', 'city', 'nowhere', []);
    const result = profileChain('x', [orphan]);
    expect(result.ok).toBe(false);
  });
});
