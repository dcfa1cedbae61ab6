import { describe, expect, it } from 'vitest';
import { geodesicDistanceM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import type { RuleProfile } from '@atlas/rules';
import { runAudit } from './audit.ts';
import { auditAllPairs } from './all-pairs.ts';
import type { Finding } from './finding.ts';
import type { AuditSchool, AuditStore } from './input.ts';
import { PLANE_DISTANCE_TOLERANCE_M } from './options.ts';
import {
  TEST_SOURCE,
  at,
  outsideNE,
  school,
  shippedProfile,
  squareCampus,
  store,
} from './test-fixtures.ts';

// The index and the bounds may only skip work, never change a decision: on seeded random
// districts, and on shops planted within millimetres of every limit, the audit must decide
// exactly what an all-pairs exact audit decides. Distances far from every limit may come from
// the local plane (plane-bound.ts): within PLANE_DISTANCE_TOLERANCE_M (1 cm) of the exact ones.

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  'internet_cafe',
  'entertainment',
  'lottery',
  'tobacco',
  'ecig',
  'adult',
  'liquor',
  'other',
] as const;
const TYPES = ['primary', 'junior', 'kindergarten', 'senior', 'university'] as const;

function randomDistrict(seed: number, center: Position, schoolCount: number, storeCount: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const spreadM = 1500;
  const schools: AuditSchool[] = [];
  for (let i = 0; i < schoolCount; i++) {
    const c = at(center, rnd() * 360, Math.sqrt(rnd()) * spreadM);
    // a star-shaped (hence simple) outline with 5–12 vertices, 30–150 m from its centre
    const n = 5 + Math.floor(rnd() * 8);
    const ring = Array.from({ length: n }, (_, k) =>
      at(c, (360 * (k + rnd() * 0.8)) / n, 30 + rnd() * 120),
    );
    ring.push(ring[0]!);
    const gates =
      rnd() < 0.7
        ? [
            {
              id: `g${i}`,
              kind: pick(['main', 'side'] as const),
              studentUse: true,
              position: ring[0]!,
            },
          ]
        : [];
    schools.push(
      school(`s${i}`, c, {
        type: pick(TYPES),
        campus: rnd() < 0.85 ? { type: 'Polygon', coordinates: [ring] } : null,
        gates,
      }),
    );
  }
  const stores: AuditStore[] = [];
  for (let j = 0; j < storeCount; j++) {
    const p = at(center, rnd() * 360, Math.sqrt(rnd()) * (spreadM + 300));
    const cats = rnd() < 0.2 ? [pick(CATEGORIES), pick(CATEGORIES)] : [pick(CATEGORIES)];
    const uncertainty = pick([0, 0, 3, 10, 30]);
    const subtype = cats.includes('entertainment')
      ? pick(['ktv', 'bar', 'arcade', null] as const)
      : null;
    stores.push(
      store(`t${j}`, p, [...new Set(cats)], uncertainty, { entertainmentSubtype: subtype }),
    );
  }
  return { schools, stores };
}

const allPairs = (
  schools: AuditSchool[],
  stores: AuditStore[],
  profile: ReturnType<typeof shippedProfile>,
  campusU: number,
) => auditAllPairs(schools, stores, profile, { campusUncertaintyM: campusU });

const district: RuleProfile = {
  id: 'random-district',
  name: '随机区',
  jurisdiction: 'district',
  extends: 'hubei',
  schoolGroups: {},
  zones: [],
  campaigns: [],
  rules: [
    ['d.ktv.gate-300m', 'nearest_gate', 300],
    ['d.liquor.main-gate-120m', 'main_gate', 120],
    ['d.ecig.point-250m', 'school_point', 250],
  ].map(([id, origin, distanceM]) => ({
    kind: 'store' as const,
    id: id as string,
    jurisdiction: 'district' as const,
    protects: ['primary', 'junior', 'kindergarten'],
    category:
      (id as string).split('.')[1] === 'ktv'
        ? 'entertainment'
        : ((id as string).split('.')[1] as 'liquor'),
    entertainmentSubtypes: (id as string).includes('ktv') ? ['ktv' as const] : null,
    distanceM: distanceM as number,
    inclusive: false,
    origin: origin as 'nearest_gate',
    metric: 'geodesic' as const,
    effect: 'phased_exit' as const,
    source: TEST_SOURCE,
  })),
};

const byId = (a: Finding, b: Finding) => (a.id < b.id ? -1 : 1);

/** A finding without its measured figures (distances, margins, nearest origin points). */
function decision(f: Finding) {
  const { distanceM, marginM, originPoint, rules, ...rest } = f;
  void [distanceM, marginM, originPoint];
  return {
    ...rest,
    rules: rules.map(({ distanceM, marginM, originPoint, ...r }) => {
      void [distanceM, marginM, originPoint];
      return r;
    }),
  };
}

/**
 * Statuses, rules, effects, limits and every other field identical to the all-pairs exact
 * audit; straight-line distances within PLANE_DISTANCE_TOLERANCE_M of it (far from every limit
 * they may come from the local plane, see plane-bound.ts), with a nearest origin point that
 * lies that far from the shop. Returns how many distances were not bit-identical.
 */
function expectSameFindings(actual: Finding[], expected: Finding[]): number {
  expect(actual.map(decision)).toEqual(expected.map(decision));
  let planar = 0;
  actual.forEach((f, i) => {
    const g = expected[i]!;
    [f, ...f.rules].forEach((r, k) => {
      const e = k === 0 ? g : g.rules[k - 1]!;
      expect(Math.abs(r.distanceM - e.distanceM)).toBeLessThanOrEqual(PLANE_DISTANCE_TOLERANCE_M);
      expect(r.marginM).toBe(r.distanceM - r.limitM);
      const drawn = geodesicDistanceM(r.originPoint, r.targetPoint);
      expect(Math.abs(drawn - r.distanceM)).toBeLessThanOrEqual(PLANE_DISTANCE_TOLERANCE_M);
      if (r.distanceM !== e.distanceM) planar++;
    });
  });
  return planar;
}

describe('index-based candidates and plane bounds', () => {
  const profile = shippedProfile('random-district', [district]);
  for (const [seed, center] of [
    [1, [114.3, 30.6]],
    [2, [126.6, 45.8]],
    [3, [108.9, 18.3]],
  ] as const) {
    it(`give the all-pairs exact findings: same statuses, distances within 1 cm (seed ${seed}, lat ${center[1]})`, () => {
      const { schools, stores } = randomDistrict(seed, [...center], 25, 500);
      const expected = allPairs(schools, stores, profile, 1).sort(byId);
      const actual = runAudit({ schools, stores }, profile, {
        campusUncertaintyM: 1,
      }).findings.sort(byId);
      expect(expected.length).toBeGreaterThan(20); // the comparison is not vacuous
      expect(expectSameFindings(actual, expected)).toBeGreaterThan(0); // the plane was used
    });
  }

  it('decide shops within millimetres of every limit and uncertainty band as the exact audit does', () => {
    // Hubei limits 50 m (tobacco, liquor, lottery) and 200 m (网吧, adult, monitoring band);
    // shops at each limit, at limit ± u (u = shop + campus uncertainty) and a few mm around them
    const C: Position = [114.3, 30.6];
    const ring = squareCampus(C, 60);
    const schools = [
      school('s', C, { campus: { type: 'Polygon', coordinates: [ring] } }),
      school('k', at(C, 180, 900), { type: 'kindergarten' }),
    ];
    const stores: AuditStore[] = [];
    const offsetsM = [-0.02, -0.005, -0.002, -0.0005, 0, 0.0005, 0.002, 0.005, 0.02];
    for (const limitM of [50, 200])
      for (const u of [0, 3, 10])
        for (const edge of [limitM - u - 1, limitM, limitM + u + 1])
          for (const offsetM of offsetsM) {
            const cats = limitM === 50 ? (['tobacco', 'lottery'] as const) : (['adult'] as const);
            stores.push(store(`t${stores.length}`, outsideNE(ring, edge + offsetM), [...cats], u));
          }
    const hubei = shippedProfile('hubei');
    const expected = allPairs(schools, stores, hubei, 1).sort(byId);
    const actual = runAudit({ schools, stores }, hubei, { campusUncertaintyM: 1 }).findings.sort(
      byId,
    );
    expect(new Set(expected.map((f) => f.status))).toEqual(
      new Set(['violation', 'borderline', 'monitor']),
    );
    expectSameFindings(actual, expected);
  });
});
