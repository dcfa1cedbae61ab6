import { describe, expect, it } from 'vitest';
import { geodesicDistanceM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import type { RuleProfile } from '@atlas/rules';
import { runAudit } from '../audit.ts';
import type { AuditRoad } from '../input.ts';
import { TEST_SOURCE, at, school, shippedProfile, store } from '../test-fixtures.ts';
import { buildWalkNetwork } from './network.ts';
import { snapToNetwork } from './snap.ts';
import { WalkMeasurer } from './walking.ts';

// A hand-built network (武汉 latitude), 100 m blocks:
//
//   m0 ── m1 ── m2 ── m3 ── m4     north street, 300 m north of the south street
//   ¦                        │
//   ¦ (lane: not walkable)   │ east link
//   ¦                        │
//   s0 ── s1 ── s2 ── s3 ── s4     south street
//
const S0: Position = [114.3, 30.6];
const south = [0, 1, 2, 3, 4].map((i) => at(S0, 90, i * 100));
const north = south.map((p) => at(p, 0, 300));
const BLOCK_M = 100;

function road(id: string, line: Position[], walkable = true): AuditRoad {
  return {
    id,
    geometry: { type: 'LineString', coordinates: line },
    properties: { name: id, class: walkable ? 'local' : 'expressway', walkable },
  };
}

const streets = [
  road('south', south),
  road('north', north),
  road('east-link', [south[4]!, north[4]!]),
  road('lane', [south[0]!, north[0]!], false),
];

const sum = (path: Position[]) =>
  path.slice(1).reduce((m, p, i) => m + geodesicDistanceM(path[i]!, p), 0);

describe('walking distance on a hand-built network', () => {
  const net = buildWalkNetwork(streets)!;

  it('snaps a point to the nearest point of the nearest segment', () => {
    const mid = at(south[1]!, 90, BLOCK_M / 2);
    const snap = snapToNetwork(net, at(mid, 0, 30));
    expect(snap.legM).toBeCloseTo(30, 3);
    expect(snap.alongM).toBeCloseTo(BLOCK_M / 2, 3);
    expect(geodesicDistanceM(snap.point, mid)).toBeLessThan(0.01);
  });

  it('walks along the roads around a non-walkable lane, entering and leaving at the nearest points', () => {
    const gate = at(south[0]!, 180, 10);
    const shop = at(north[0]!, 0, 12);
    const walk = new WalkMeasurer(net).measure(0, 'g', [gate], shop)!;
    const expected = 10 + sum(south) + sum([south[4]!, north[4]!]) + sum(north) + 12;
    expect(walk.distanceM).toBeCloseTo(expected, 6);
    expect(walk.distanceM).toBeGreaterThan(geodesicDistanceM(gate, shop) + 700);
    expect(walk.path![0]).toEqual(gate);
    expect(walk.path![walk.path!.length - 1]).toEqual(shop);
    expect(sum(walk.path!)).toBeCloseTo(walk.distanceM, 6); // the path drawn is the one measured
  });

  it('takes the lane once it is walkable', () => {
    const open = buildWalkNetwork([...streets.slice(0, 3), road('lane', [south[0]!, north[0]!])])!;
    const gate = at(south[0]!, 180, 10);
    const shop = at(north[0]!, 0, 12);
    const walk = new WalkMeasurer(open).measure(0, 'g', [gate], shop)!;
    expect(walk.distanceM).toBeCloseTo(10 + sum([south[0]!, north[0]!]) + 12, 6);
  });

  it('walks straight along one segment when origin and shop project onto it', () => {
    const a = at(at(south[1]!, 90, 20), 180, 5);
    const b = at(at(south[1]!, 90, 70), 0, 8);
    const walk = new WalkMeasurer(net).measure(0, 'g', [a], b)!;
    expect(walk.distanceM).toBeCloseTo(5 + 50 + 8, 3);
  });

  it('takes the shortest of several origin points', () => {
    const far = at(south[0]!, 180, 10);
    const nearGate = at(south[3]!, 180, 10);
    const shop = at(south[4]!, 180, 10);
    const walk = new WalkMeasurer(net).measure(0, 'gates', [far, nearGate], shop)!;
    expect(walk.originPoint).toEqual(nearGate);
    // the streets are geodesics, which bow a fraction of a millimetre off the nodes' latitude
    expect(walk.distanceM).toBeCloseTo(10 + sum([south[3]!, south[4]!]) + 10, 3);
  });

  it('finds no walk between parts of the network that do not meet', () => {
    const island = at(S0, 180, 2000);
    const apart = buildWalkNetwork([...streets, road('island', [island, at(island, 90, 100)])])!;
    const walk = new WalkMeasurer(apart).measure(0, 'g', [at(island, 0, 5)], at(south[2]!, 0, 5));
    expect(walk).toBeNull();
  });

  it('has no network without walkable roads', () => {
    expect(buildWalkNetwork([road('x', south, false)])).toBeNull();
  });
});

describe('runAudit with a walking rule', () => {
  const walkRule: RuleProfile = {
    id: 'walk-district',
    name: '步行区',
    jurisdiction: 'district',
    extends: 'hubei',
    schoolGroups: {},
    zones: [],
    campaigns: [],
    rules: [
      {
        kind: 'store',
        id: 'd.tobacco.walk-400m',
        jurisdiction: 'district',
        protects: ['primary'],
        category: 'tobacco',
        entertainmentSubtypes: null,
        distanceM: 400,
        inclusive: true,
        origin: 'every_gate',
        metric: 'walking',
        effect: 'no_renewal',
        source: TEST_SOURCE,
      },
    ],
  };
  const profile = shippedProfile('walk-district', [walkRule]);
  // a school south of the south street, its gate on the street side
  const center = at(south[1]!, 180, 120);
  const gate = at(south[1]!, 180, 10);
  const s = school('s1', center, {
    halfM: 40,
    gates: [{ id: 'g', kind: 'main', studentUse: true, position: gate }],
  });
  const exact = { campusUncertaintyM: 0 };

  it('decides by the walk, keeps the path, and clears a shop that is near only as the crow flies', () => {
    const nearShop = store('t1', at(south[3]!, 0, 5), ['tobacco']); // ≈ 200 m along the street
    const acrossLane = store('t2', at(north[0]!, 0, 5), ['tobacco']); // ≈ 320 m straight, 1 km on foot
    const { findings } = runAudit(
      { schools: [s], stores: [nearShop, acrossLane], roads: streets },
      profile,
      exact,
    );
    const walkFindings = findings.filter((f) => f.method.metric === 'walking');
    expect(walkFindings.map((f) => f.targetId)).toEqual(['t1']);
    const f = walkFindings[0]!;
    expect(f).toMatchObject({ status: 'violation', effect: 'no_renewal', limitM: 400 });
    expect(f.distanceM).toBeCloseTo(10 + sum([south[1]!, south[2]!, south[3]!]) + 5, 3);
    expect(f.path![0]).toEqual(gate);
    expect(f.path![f.path!.length - 1]).toEqual(nearShop.geometry.coordinates);
    expect(geodesicDistanceM(gate, acrossLane.geometry.coordinates)).toBeLessThan(400);
  });

  it('lists the walking rule as not applied when no roads are loaded', () => {
    const result = runAudit({ schools: [s], stores: [] }, profile, exact);
    expect(result.unevaluatedRules.map((u) => u.ruleId)).toContain('d.tobacco.walk-400m');
  });
});
