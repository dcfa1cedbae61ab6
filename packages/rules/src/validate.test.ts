import { describe, expect, it } from 'vitest';
import { parseProfile, validateProfile } from './validate.ts';

const source = {
  title: '《测试办法》',
  article: null,
  issuingBody: '测试机关',
  date: '2023-10-01',
  note: '',
};
const storeRule = {
  kind: 'store',
  id: 'r.tobacco',
  jurisdiction: 'province',
  protects: ['小学组'],
  category: 'tobacco',
  entertainmentSubtypes: null,
  distanceM: 50,
  inclusive: true,
  origin: 'campus_outline',
  metric: 'geodesic',
  effect: 'no_renewal',
  source,
};
const profile = (rules: unknown[]) => ({
  id: 'p',
  name: 'P',
  jurisdiction: 'province',
  extends: null,
  schoolGroups: { 小学组: ['primary'] },
  zones: [],
  campaigns: [],
  rules,
});
const fields = (problems: { field: string | null }[]) => problems.map((p) => p.field).sort();

describe('validateProfile', () => {
  it('accepts a well-formed profile with no problems', () => {
    expect(validateProfile(profile([storeRule]), { hasRoads: false })).toEqual([]);
  });

  it('lists every error at once, each with its field path', () => {
    const { source: _dropped, ...noSource } = storeRule;
    const bad = profile([
      { ...storeRule, id: 'a', distanceM: -5 },
      { ...storeRule, id: 'b', category: 'casino' },
      { ...storeRule, id: 'c', origin: 'front_door' },
      { ...noSource, id: 'd' },
      { ...storeRule, id: 'e', metric: 'walking' },
      { ...storeRule, id: 'f', protects: ['高校组'] },
      { ...storeRule, id: 'f' },
      { ...storeRule, id: 'g', entertainmentSubtypes: ['ktv'] },
    ]);
    const problems = validateProfile(bad, { hasRoads: false });
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(fields(problems)).toEqual([
      'rules.0.distanceM',
      'rules.1.category',
      'rules.2.origin',
      'rules.3.source',
      'rules.4.metric',
      'rules.5.protects.0',
      'rules.6.id',
      'rules.7.entertainmentSubtypes',
    ]);
    expect(problems.find((p) => p.field === 'rules.3.source')?.reason).toMatch(/legal source/);
    expect(problems.find((p) => p.field === 'rules.4.metric')?.reason).toMatch(/roads layer/);
  });

  it('accepts a walking rule when a roads layer exists', () => {
    const walking = profile([{ ...storeRule, metric: 'walking' }]);
    expect(validateProfile(walking, { hasRoads: true })).toEqual([]);
  });

  it('refuses walking distance for a non-store rule even with roads', () => {
    const water = {
      kind: 'water',
      id: 'w',
      jurisdiction: 'district',
      protects: ['primary'],
      waterKinds: null,
      distanceM: 300,
      inclusive: true,
      origin: 'campus_outline',
      metric: 'walking',
      effect: 'monitor',
      source,
    };
    expect(fields(validateProfile(profile([water]), { hasRoads: true }))).toEqual([
      'rules.0.metric',
    ]);
  });

  it('warns, without refusing, when the source sets no number', () => {
    const parsed = parseProfile(profile([{ ...storeRule, distanceM: null }]), {
      hasRoads: false,
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(fields(parsed.warnings)).toEqual(['rules.0.distanceM']);
  });

  it('never throws on input that is not a profile at all', () => {
    for (const junk of [null, 42, 'x', [], { rules: 'no' }, { rules: [null, 3] }]) {
      expect(validateProfile(junk, { hasRoads: false }).length).toBeGreaterThan(0);
    }
  });

  it('refuses a group named like a school type', () => {
    const p = {
      ...profile([storeRule]),
      schoolGroups: { 小学组: ['primary'], primary: ['junior'] },
    };
    expect(fields(validateProfile(p, { hasRoads: false }))).toEqual(['schoolGroups.primary']);
  });
});
