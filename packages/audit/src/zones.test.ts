import { describe, expect, it } from 'vitest';
import { geodesicDistanceM, geodesicDistanceToArealM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import { school, shippedProfile } from './test-fixtures.ts';
import { perimeterZones } from './zones.ts';

const hubei = shippedProfile();
const C: Position = [114.3, 30.6];
/** geodesicRing keeps every edge within 0.5 m of the true offset curve; vertices are on it. */
const VERTEX_TOLERANCE_M = 0.01;

const vertices = (g: { type: string; coordinates: unknown }) =>
  (g.type === 'Polygon'
    ? (g.coordinates as Position[][])
    : (g.coordinates as Position[][][]).flat()
  ).flat();

describe('perimeterZones', () => {
  it('draws a geodesic ring at each Hubei distance around a primary school’s outline', () => {
    const s = school('s1', C, { halfM: 60 });
    const { features, missing } = perimeterZones(s, hubei);
    expect(missing).toEqual([]);
    expect(features.map((f) => [f.properties.origin, f.properties.distanceM])).toEqual([
      ['campus_outline', 50],
      ['campus_outline', 200],
    ]);
    const zone200 = features[1]!;
    expect(zone200.properties.zoneIds).toEqual(['hb.zone.200m']);
    expect(zone200.properties.ruleIds).toContain('cn.internet-cafe.200m');
    for (const f of features)
      for (const v of vertices(f.geometry)) {
        const d = geodesicDistanceToArealM(v, s.properties.campus!).distanceM;
        expect(Math.abs(d - f.properties.distanceM)).toBeLessThan(VERTEX_TOLERANCE_M);
      }
  });

  it('gives a kindergarten only the zones that protect it, and reports an outline it lacks', () => {
    const k = school('k1', C, { type: 'kindergarten', campus: null });
    const { features, missing } = perimeterZones(k, hubei);
    expect(features).toEqual([]);
    expect(missing).toEqual([
      expect.objectContaining({
        origin: 'campus_outline',
        distanceM: 200,
        zoneIds: ['hb.zone.200m'],
      }),
    ]);
  });

  it('draws a circle around the point for point-origin rules', () => {
    const profile = shippedProfile('hubei');
    const withPoint = {
      ...profile,
      zones: [{ ...profile.zones[0]!, id: 'p', origin: 'school_point' as const, distanceM: 100 }],
      rules: [],
    };
    const { features } = perimeterZones(school('s1', C), withPoint);
    expect(features).toHaveLength(1);
    for (const v of vertices(features[0]!.geometry))
      expect(Math.abs(geodesicDistanceM(C, v) - 100)).toBeLessThan(VERTEX_TOLERANCE_M);
  });

  it('gives the map the same zones, ids and properties with display rings on the same curves', () => {
    const gates = [
      {
        id: 'g1',
        kind: 'main' as const,
        studentUse: true,
        position: [C[0] + 0.0006, C[1]] as Position,
      },
      {
        id: 'g2',
        kind: 'side' as const,
        studentUse: true,
        position: [C[0], C[1] - 0.0006] as Position,
      },
    ];
    const profile = shippedProfile('hubei');
    const withGates = {
      ...profile,
      zones: [
        ...profile.zones,
        { ...profile.zones[0]!, id: 'gate', origin: 'every_gate' as const, distanceM: 80 },
      ],
    };
    const s = school('s1', C, { halfM: 60, gates });
    const exact = perimeterZones(s, withGates);
    const display = perimeterZones(s, withGates, { ring: 'display' });
    const withoutGeometry = (z: typeof exact) =>
      z.features.map(({ geometry, ...rest }) => ({ ...rest, type: geometry.type }));
    expect(withoutGeometry(display)).toEqual(withoutGeometry(exact));
    expect(display.missing).toEqual(exact.missing);
    expect(display.features.filter((f) => f.properties.gateId)).toHaveLength(2);
    for (const f of display.features) {
      const gate = gates.find((g) => g.id === f.properties.gateId);
      const distanceTo = (v: Position) =>
        gate
          ? geodesicDistanceM(gate.position, v)
          : geodesicDistanceToArealM(v, s.properties.campus!).distanceM;
      for (const v of vertices(f.geometry))
        expect(Math.abs(distanceTo(v) - f.properties.distanceM)).toBeLessThan(VERTEX_TOLERANCE_M);
    }
  });
});
