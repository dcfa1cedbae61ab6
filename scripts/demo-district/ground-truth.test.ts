import { geodesicDistanceM } from '@atlas/geo';
import type { Areal, Position } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generate.ts';
import { insideRing } from './outline-distance.ts';

const { layers, manifest } = generateDistrict();
const SAMPLE_DEG = 1e-5; // ~1 m along a line

function inAreal(p: Position, a: Areal): boolean {
  const polygons = a.type === 'Polygon' ? [a.coordinates] : a.coordinates;
  return polygons.some(
    (rings) => insideRing(p, rings[0]!) && !rings.slice(1).some((h) => insideRing(p, h)),
  );
}

/** Campuses a line passes through, by sampling it every ~1 m. */
function campusesCrossed(line: Position[]): string[] {
  const hit = new Set<string>();
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / SAMPLE_DEG);
    for (let k = 0; k <= n; k++) {
      const p: Position = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
      for (const s of layers.schools) {
        const c = s.properties.campus;
        if (
          c &&
          Math.abs(s.geometry.coordinates[0] - p[0]) < 0.01 &&
          Math.abs(s.geometry.coordinates[1] - p[1]) < 0.01 &&
          inAreal(p, c)
        )
          hit.add(s.id);
      }
    }
  }
  return [...hit];
}

describe('ground truth in the manifest', () => {
  it('has a power line that crosses exactly the one campus named, and a gas pipeline that crosses none', () => {
    const power = layers.pipelines.find((p) => p.id === manifest.crossingPipeline.pipelineId)!;
    const gas = layers.pipelines.find((p) => p.id === manifest.nonCrossingPipelineId)!;
    expect(power.properties.kind).toBe('hv_power');
    expect(gas.properties.kind).toBe('gas');
    expect(campusesCrossed(power.geometry.coordinates)).toEqual([
      manifest.crossingPipeline.schoolId,
    ]);
    expect(campusesCrossed(gas.geometry.coordinates)).toEqual([]);
  });

  it('has exactly the named schools inside a threat zone or an assumed threat radius', () => {
    const found: string[] = [];
    for (const h of layers.hazards) {
      for (const s of layers.schools) {
        const c = s.properties.campus;
        const vertices = c ? (c.type === 'Polygon' ? [c.coordinates] : c.coordinates).flat(2) : [];
        const probes = [s.geometry.coordinates, ...vertices];
        const zone = h.properties.threatZone;
        const radius = h.properties.assumedThreatRadiusM;
        const within = (p: Position) =>
          zone ? inAreal(p, zone) : geodesicDistanceM(p, h.geometry.coordinates) <= radius!;
        const zoneTouchesCampus =
          zone && c
            ? (zone.type === 'Polygon' ? zone.coordinates[0]! : []).some((p) => inAreal(p, c))
            : false;
        if (probes.some(within) || zoneTouchesCampus) {
          expect(probes.every(within), `${s.id} only partly under ${h.id}`).toBe(true);
          found.push(`${s.id} ${h.id} ${zone ? 'threat_zone' : 'assumed_radius'}`);
        }
      }
    }
    expect(found.sort()).toEqual(
      manifest.hazardSchools.map((t) => `${t.schoolId} ${t.hazardId} ${t.via}`).sort(),
    );
    expect(manifest.hazardSchools.map((t) => t.via).sort()).toEqual([
      'assumed_radius',
      'threat_zone',
    ]);
  });

  it('names the schools without an outline: one point only, one with gates only', () => {
    const none = layers.schools.filter((s) => s.properties.campus === null);
    expect(manifest.schoolsWithoutOutline.map((s) => s.schoolId)).toEqual(none.map((s) => s.id));
    expect(none.map((s) => s.properties.gates.length > 0).sort()).toEqual([false, true]);
  });
});
