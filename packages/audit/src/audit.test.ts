import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import type { RuleProfile } from '@atlas/rules';
import { runAudit } from './audit.ts';
import type { AuditInput } from './input.ts';
import {
  TEST_SOURCE,
  at,
  hazard,
  outsideNE,
  pipeline,
  school,
  shippedProfile,
  squareCampus,
  store,
  water,
} from './test-fixtures.ts';

// The Hubei profile (national → hubei) on hand-built cases with constructed distances.
const hubei = shippedProfile();
const C: Position = [114.3, 30.6]; // 武汉 latitude
const campus = squareCampus(C, 50);
const NE = campus[0]!;
const exact = { campusUncertaintyM: 0 };

function audit(input: Partial<AuditInput>, profile = hubei, options = exact) {
  return runAudit({ schools: [school('s1', C)], stores: [], ...input }, profile, options);
}

describe('runAudit with the Hubei profile: stores', () => {
  it('finds a 网吧 inside the campus at distance 0, listing the national and the Hubei rule', () => {
    const { findings } = audit({ stores: [store('w1', C, ['internet_cafe'])] });
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ schoolId: 's1', targetId: 'w1', category: 'internet_cafe' });
    expect(f).toMatchObject({
      status: 'violation',
      effect: 'prohibited',
      distanceM: 0,
      limitM: 200,
    });
    expect(f.marginM).toBe(-200);
    expect(f.rules.map((r) => r.ruleId)).toEqual([
      'cn.internet-cafe.200m',
      'hb.internet-cafe.200m',
    ]);
    expect(f.method).toEqual({ origin: 'campus_outline', metric: 'geodesic' });
  });

  it('measures from the nearest point of the outline and keeps both points for drawing', () => {
    const p = outsideNE(campus, 164.8);
    const f = audit({ stores: [store('w1', p, ['internet_cafe'])] }).findings[0]!;
    expect(f.distanceM).toBeCloseTo(164.8, 6);
    expect(f.marginM).toBeCloseTo(-35.2, 6);
    expect(f.originPoint[0]).toBeCloseTo(NE[0], 9);
    expect(f.originPoint[1]).toBeCloseTo(NE[1], 9);
    expect(f.targetPoint).toEqual(p);
  });

  it('counts a store exactly at an inclusive 200 m limit as inside', () => {
    const f = audit({ stores: [store('w1', outsideNE(campus, 200), ['internet_cafe'])] }).findings;
    expect(f.map((x) => [x.status, x.distanceM.toFixed(6)])).toEqual([['violation', '200.000000']]);
  });

  it('clears a store exactly at an exclusive limit, and one just outside an inclusive one', () => {
    const exclusive = withDistrict([
      { ...storeRule('d.cafe.excl', 'internet_cafe', 300), inclusive: false },
    ]);
    const atLimit = audit(
      { stores: [store('w1', outsideNE(campus, 300), ['internet_cafe'])] },
      exclusive,
    );
    expect(atLimit.findings).toEqual([]);
    const justOutside = audit({
      stores: [store('w2', outsideNE(campus, 200.01), ['internet_cafe'])],
    });
    expect(justOutside.findings).toEqual([]);
  });

  it('puts tobacco 50–200 m away in the monitoring band, listing the 50 m rule as clear', () => {
    const f = audit({ stores: [store('t1', outsideNE(campus, 120), ['tobacco'])] }).findings[0]!;
    expect(f).toMatchObject({ status: 'monitor', effect: 'monitor', limitM: 200 });
    expect(f.rules.map((r) => [r.ruleId, r.status])).toEqual([
      ['hb.tobacco.monitor-200m', 'monitor'],
      ['hb.tobacco.50m', 'clear'],
    ]);
    expect(f.rules[1]!.marginM).toBeCloseTo(70, 6);
  });

  it('marks a shop borderline when its margin is within the combined uncertainty', () => {
    const stores = [
      store('out', outsideNE(campus, 55), ['tobacco'], 4), // margin +5 ≤ 4 + 1
      store('in', outsideNE(campus, 46), ['tobacco'], 3), // margin −4 ≤ 3 + 1
      store('far-in', outsideNE(campus, 30), ['tobacco'], 10), // margin −20 > 11
    ];
    const { findings } = audit({ stores }, hubei, { campusUncertaintyM: 1 });
    const byId = Object.fromEntries(findings.map((f) => [f.targetId, f]));
    expect(byId.out).toMatchObject({ status: 'borderline', effect: 'no_renewal', uncertaintyM: 5 });
    expect(byId.in).toMatchObject({ status: 'borderline', uncertaintyM: 4 });
    expect(byId['far-in']).toMatchObject({ status: 'violation', effect: 'no_renewal' });
  });

  it('gives a 烟酒店 one finding per category, each decided by its strictest rule', () => {
    const f = audit({
      stores: [store('y1', outsideNE(campus, 30), ['tobacco', 'liquor'])],
    }).findings;
    expect(f.map((x) => [x.category, x.status, x.effect])).toEqual([
      ['tobacco', 'violation', 'no_renewal'],
      ['liquor', 'violation', 'prohibited'],
    ]);
    expect(f[0]!.rules.map((r) => r.ruleId)).toEqual(['hb.tobacco.50m', 'hb.tobacco.monitor-200m']);
  });

  it('phases out a lottery outlet within 50 m and protects kindergartens from adult shops only', () => {
    const k = school('k1', C, { type: 'kindergarten' });
    const stores = [
      store('l1', outsideNE(campus, 20), ['lottery']),
      store('a1', outsideNE(campus, 150), ['adult']),
    ];
    const primary = audit({ stores }).findings;
    expect(primary.map((f) => [f.targetId, f.effect])).toEqual([
      ['l1', 'phased_exit'],
      ['a1', 'prohibited'],
    ]);
    const kinder = audit({ schools: [k], stores }).findings;
    expect(kinder.map((f) => f.targetId)).toEqual(['a1']);
  });

  it('measures from the nearest gate when the rule says so', () => {
    const gate: Position = at(C, 180, 50); // middle of the south wall
    const s = school('s1', C, {
      gates: [{ id: 'g1', kind: 'main', studentUse: true, position: gate }],
    });
    const profile = withDistrict([
      { ...storeRule('d.tobacco.gate', 'tobacco', 100), origin: 'nearest_gate' },
    ]);
    const p = at(gate, 180, 90);
    const f = audit({ schools: [s], stores: [store('t1', p, ['tobacco'])] }, profile).findings[0]!;
    const gateRule = f.rules.find((r) => r.ruleId === 'd.tobacco.gate')!;
    expect(gateRule.distanceM).toBeCloseTo(90, 6);
    expect(gateRule.method.origin).toBe('nearest_gate');
    expect(gateRule.originPoint).toEqual(gate);
    expect(f.status).toBe('violation'); // the gate rule decides over the monitoring band
    expect(f.rules[0]!.ruleId).toBe('d.tobacco.gate');
  });

  it('reports a school without outline as un-auditable, naming every rule it blocks', () => {
    const s = school('s2', C, { campus: null });
    const result = audit({ schools: [s], stores: [store('w1', C, ['internet_cafe'])] });
    expect(result.findings).toEqual([]);
    expect(result.unauditable).toHaveLength(1);
    expect(result.unauditable[0]).toMatchObject({ schoolId: 's2', origin: 'campus_outline' });
    expect(result.unauditable[0]!.ruleIds).toContain('hb.internet-cafe.200m');
    expect(result.unauditable[0]!.ruleIds).toContain('hb.pipeline.no-crossing');
  });

  it('lists rules with no number, and walking rules when no roads are loaded, as not applied', () => {
    const profile = withDistrict([{ ...storeRule('d.walk', 'tobacco', 100), metric: 'walking' }]);
    const { unevaluatedRules } = audit({}, profile);
    const reasons = Object.fromEntries(unevaluatedRules.map((u) => [u.ruleId, u.reason]));
    expect(reasons['cn.minors.tobacco']).toMatch(/sets no distance/);
    expect(reasons['d.walk']).toMatch(/no walkable roads loaded/);
  });

  it('returns an empty result, not an error, for an empty area', () => {
    const result = runAudit({ schools: [], stores: [] }, hubei);
    expect(result).toMatchObject({ findings: [], unauditable: [], undecidedTargets: [] });
  });
});

describe('runAudit with the Hubei profile: pipelines, hazards, water', () => {
  const profile = withDistrict([]);

  it('finds a gas pipeline crossing a campus and ignores one passing 30 m away', () => {
    const crossing = pipeline('p1', [at(C, 270, 500), at(C, 90, 500)]);
    const north = at(C, 0, 80);
    const passing = pipeline('p2', [at(north, 270, 500), at(north, 90, 500)]);
    const { findings } = audit({ pipelines: [crossing, passing] }, profile);
    expect(findings.map((f) => [f.targetId, f.status, f.distanceM])).toEqual([
      ['p1', 'violation', 0],
    ]);
    expect(findings[0]!.rules[0]!.ruleId).toBe('hb.pipeline.no-crossing');
  });

  it('reports a school inside a threat zone, and within an assumed radius + margin as an assumption', () => {
    const zone = {
      type: 'Polygon' as const,
      coordinates: [squareCampus(outsideNE(campus, 40), 60)],
    };
    const zoned = hazard('h1', outsideNE(campus, 100), { threatZone: zone });
    const radius = hazard('h2', outsideNE(campus, 120), { assumedThreatRadiusM: 80 });
    const unknown = hazard('h3', outsideNE(campus, 10), {});
    const result = audit({ hazards: [zoned, radius, unknown] }, profile);
    const byId = Object.fromEntries(result.findings.map((f) => [f.targetId, f]));
    expect(byId.h1).toMatchObject({ status: 'monitor', distanceM: 0, limitM: 0 });
    expect(byId.h1!.rules[0]!.assumption).toBeNull();
    expect(byId.h2).toMatchObject({ status: 'monitor', limitM: 130 });
    expect(byId.h2!.distanceM).toBeCloseTo(120, 6);
    expect(byId.h2!.rules[0]!.assumption).toMatch(/假定威胁半径 80 m \+ 余量 50 m/);
    expect(result.undecidedTargets).toMatchObject([
      { targetId: 'h3', ruleId: 'cn.geohazard.threat' },
    ]);
  });

  it('reports water within the deployment distance for drowning risk, and not beyond it', () => {
    const pond = water('w1', {
      type: 'Polygon',
      coordinates: [squareCampus(outsideNE(campus, 120), 30)],
    });
    const farRiver = water(
      'w2',
      { type: 'LineString', coordinates: [at(C, 180, 400), at(C, 90, 400)] },
      'river',
    );
    const { findings } = audit({ water: [pond, farRiver] }, profile);
    expect(findings.map((f) => [f.targetId, f.status])).toEqual([['w1', 'monitor']]);
    // the pond's SW corner faces the campus NE corner: 120 m − 30·√2 m
    expect(findings[0]!.distanceM).toBeCloseTo(120 - 30 * Math.SQRT2, 6);
  });
});

function storeRule(id: string, category: 'tobacco' | 'internet_cafe', distanceM: number) {
  return {
    kind: 'store' as const,
    id,
    jurisdiction: 'district' as const,
    protects: ['primary'],
    category,
    entertainmentSubtypes: null,
    distanceM,
    inclusive: true,
    origin: 'campus_outline' as const,
    metric: 'geodesic' as const,
    effect: 'prohibited' as const,
    source: TEST_SOURCE,
  };
}

/** Hubei plus a test district that sets the deployment numbers (water 200 m, hazard margin 50 m). */
function withDistrict(rules: RuleProfile['rules']) {
  const district: RuleProfile = {
    id: 'test-district',
    name: '测试区',
    jurisdiction: 'district',
    extends: 'hubei',
    schoolGroups: {},
    zones: [],
    campaigns: [],
    rules: [
      ...rules,
      {
        kind: 'water',
        id: 'cn.water.drowning',
        jurisdiction: 'district',
        protects: ['primary', 'kindergarten'],
        waterKinds: null,
        distanceM: 200,
        inclusive: true,
        origin: 'campus_outline',
        metric: 'geodesic',
        effect: 'monitor',
        source: TEST_SOURCE,
      },
      {
        kind: 'hazard',
        id: 'cn.geohazard.threat',
        jurisdiction: 'district',
        protects: ['primary', 'kindergarten'],
        hazardStatuses: ['active', 'monitoring'],
        threatRadiusMarginM: 50,
        origin: 'campus_outline',
        metric: 'geodesic',
        effect: 'monitor',
        source: TEST_SOURCE,
      },
    ],
  };
  return shippedProfile('test-district', [district]);
}
