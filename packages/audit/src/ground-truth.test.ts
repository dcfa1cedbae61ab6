import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ResolvedRule, RuleProfile } from '@atlas/rules';
import { runAudit } from './audit.ts';
import type { Finding, Status } from './finding.ts';
import type { AuditInput, AuditSchool, AuditStore } from './input.ts';
import { TEST_SOURCE, shippedProfile } from './test-fixtures.ts';

// The demo district's ground truth (data/demo/manifest.json), reproduced exactly with the
// Hubei profile: every planted shop at its constructed distance (within the manifest's
// 0.01 m), with the status each rule's limit and inclusive flag give, and nothing else near
// the planted schools; the crossing power line and the hazard inside a threat zone.
//
// Expected statuses are derived here from the law alone:
//   inside  = inclusive ? distance ≤ limit : distance < limit
//   status  = inside ? (effect monitor ? monitor : violation) : clear
// and the finding's status is the worst of its rules. To let `inclusive` alone decide at the
// limit, the first run treats positions as exact (campus and shop uncertainty 0); the second
// keeps the shops' surveyed 0.05 m, which makes exactly-at-the-limit shops borderline.

const DEMO = fileURLToPath(new URL('../../../data/demo', import.meta.url));
const layer = <T>(name: string): T[] =>
  (JSON.parse(readFileSync(`${DEMO}/${name}.geojson`, 'utf8')) as { features: T[] }).features;

interface Planted {
  storeId: string;
  schoolId: string;
  categories: string[];
  distanceM: number;
  campusDistanceM: number;
  note: string;
}
interface Manifest {
  plantedToleranceM: number;
  plantedSchoolIds: string[];
  planted: Planted[];
  crossingPipeline: { pipelineId: string; schoolId: string };
  nonCrossingPipelineId: string;
  hazardSchools: { schoolId: string; hazardId: string; via: 'threat_zone' | 'assumed_radius' }[];
}
const manifest = JSON.parse(readFileSync(`${DEMO}/manifest.json`, 'utf8')) as Manifest;
const schools = layer<AuditSchool>('schools');
const stores = layer<AuditStore>('stores');
const input: AuditInput = {
  schools,
  stores,
  hazards: layer('hazards'),
  water: layer('water'),
  pipelines: layer('pipelines'),
};
const hubei = shippedProfile('hubei');
const RANK: Record<Status, number> = { violation: 0, borderline: 1, monitor: 2, clear: 3 };

function expectedRules(p: Planted, category: string) {
  const school = schools.find((s) => s.id === p.schoolId)!;
  const store = stores.find((s) => s.id === p.storeId)!;
  const subtype = store.properties.entertainmentSubtype;
  const applies = (r: ResolvedRule): r is Extract<ResolvedRule, { kind: 'store' }> =>
    r.kind === 'store' &&
    r.category === category &&
    r.distanceM !== null &&
    r.schoolTypes.includes(school.properties.type) &&
    (!r.entertainmentSubtypes || (subtype !== null && r.entertainmentSubtypes.includes(subtype)));
  return hubei.rules.filter(applies).map((r) => {
    // every Hubei store rule measures from the campus outline
    expect(r.origin).toBe('campus_outline');
    const d = p.campusDistanceM;
    const inside = r.inclusive ? d <= r.distanceM! : d < r.distanceM!;
    const status: Status = !inside ? 'clear' : r.effect === 'monitor' ? 'monitor' : 'violation';
    return { ruleId: r.id, status };
  });
}

function worst(statuses: Status[]): Status {
  return statuses.reduce((a, b) => (RANK[b] < RANK[a] ? b : a), 'clear' as Status);
}

describe('the demo district ground truth (Hubei profile)', () => {
  const exact = runAudit(
    {
      ...input,
      stores: stores.map((s) => ({ ...s, properties: { ...s.properties, uncertaintyM: 0 } })),
    },
    hubei,
    { campusUncertaintyM: 0 },
  );
  const planted = new Set(manifest.plantedSchoolIds);
  const storeFindings = (result: { findings: Finding[] }) =>
    new Map(
      result.findings
        .filter((f) => f.targetKind === 'store' && planted.has(f.schoolId))
        .map((f) => [f.id, f]),
    );

  it('has planted cases to check', () => {
    expect(manifest.planted.length).toBeGreaterThanOrEqual(20);
  });

  it('reproduces every planted shop: distance within 0.01 m, each rule’s status, nothing else', () => {
    const found = storeFindings(exact);
    const expectedIds = new Set<string>();
    for (const p of manifest.planted)
      for (const category of p.categories) {
        const rules = expectedRules(p, category);
        const status = worst(rules.map((r) => r.status));
        const id = `${p.schoolId}/store/${p.storeId}/${category}`;
        const f = found.get(id);
        if (status === 'clear') {
          expect(f, `${id} (${p.note}) must not be a finding`).toBeUndefined();
          continue;
        }
        expectedIds.add(id);
        expect(f, `${id} (${p.note}) must be a finding`).toBeDefined();
        expect(f!.status, `${id} (${p.note})`).toBe(status);
        expect(Math.abs(f!.distanceM - p.campusDistanceM)).toBeLessThanOrEqual(
          manifest.plantedToleranceM,
        );
        const got = f!.rules.map((r) => ({ ruleId: r.ruleId, status: r.status }));
        expect(got).toEqual(expect.arrayContaining(rules));
        expect(got).toHaveLength(rules.length);
      }
    // isolation: the planted schools' store findings are exactly the planted ones
    expect([...found.keys()].sort()).toEqual([...expectedIds].sort());
    expect(expectedIds.size).toBeGreaterThan(10);
  });

  it('marks shops exactly at a limit borderline once their 0.05 m survey uncertainty counts', () => {
    const found = storeFindings(runAudit(input, hubei, { campusUncertaintyM: 0 }));
    let checked = 0;
    for (const p of manifest.planted)
      for (const category of p.categories) {
        const f = found.get(`${p.schoolId}/store/${p.storeId}/${category}`);
        const rules = expectedRules(p, category).map((r) => ({
          ...r,
          rule: hubei.rules.find((x) => x.id === r.ruleId) as { distanceM: number; effect: string },
        }));
        const atLimit = rules.some(
          (r) =>
            r.rule.effect !== 'monitor' &&
            Math.abs(r.rule.distanceM - p.campusDistanceM) < manifest.plantedToleranceM,
        );
        const otherViolation = rules.some(
          (r) => r.status === 'violation' && Math.abs(r.rule.distanceM - p.campusDistanceM) > 1,
        );
        if (!atLimit || otherViolation) continue;
        expect(f?.status, `${p.storeId} ${category} (${p.note})`).toBe('borderline');
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('finds the power line across exactly one campus, and the other line across none', () => {
    const lines = exact.findings.filter((f) => f.targetKind === 'pipeline');
    expect(lines.map((f) => [f.targetId, f.schoolId, f.status])).toEqual([
      [manifest.crossingPipeline.pipelineId, manifest.crossingPipeline.schoolId, 'violation'],
    ]);
    expect(lines.some((f) => f.targetId === manifest.nonCrossingPipelineId)).toBe(false);
  });

  it('applies the hazard rule by register status, and finds both planted hazard schools once every status counts', () => {
    const hazards = input.hazards!;
    const rule = hubei.rules.find((r) => r.kind === 'hazard')!;
    for (const h of manifest.hazardSchools) {
      const status = hazards.find((x) => x.id === h.hazardId)!.properties.status;
      const counted = rule.kind === 'hazard' && rule.hazardStatuses.includes(status);
      const f = exact.findings.find((x) => x.targetId === h.hazardId && x.schoolId === h.schoolId);
      // the demo's planted hazards are 'cancelled' / 'treated': the national rule does not count them
      if (!counted) expect(f, `${h.hazardId} is ${status}`).toBeUndefined();
    }
    const everyStatus: RuleProfile = {
      id: 'every-hazard',
      name: '全部隐患',
      jurisdiction: 'district',
      extends: 'hubei',
      schoolGroups: {},
      zones: [],
      campaigns: [],
      rules: [
        {
          kind: 'hazard',
          id: 'd.hazard.any-status',
          jurisdiction: 'district',
          protects: ['kindergarten', 'primary', 'junior', 'senior'],
          effect: 'monitor',
          hazardStatuses: ['active', 'monitoring', 'treated', 'cancelled'],
          threatRadiusMarginM: 0,
          origin: 'campus_outline',
          metric: 'geodesic',
          source: TEST_SOURCE,
        },
      ],
    };
    const all = runAudit(input, shippedProfile('every-hazard', [everyStatus]), {
      campusUncertaintyM: 0,
    });
    for (const h of manifest.hazardSchools) {
      const f = all.findings.find((x) => x.targetId === h.hazardId && x.schoolId === h.schoolId);
      expect(f, `${h.schoolId} ${h.via}`).toBeDefined();
      expect(f!.status).toBe('monitor');
      if (h.via === 'threat_zone') expect(f!.distanceM).toBe(0);
      else expect(f!.rules[0]!.assumption).toMatch(/假定威胁半径/);
    }
  });
});
