import type { Areal, Position } from '@atlas/model';
import type { Admin } from './admin.ts';
import { type DemoFeature, feature, provenance } from './features.ts';
import { type XY, toLngLat } from './local.ts';
import { add, distToRing, distToSegment, pointInRing, polar, segmentsIntersect } from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import type { PlacedSchool } from './schools.ts';
import { wiggle } from './wiggle.ts';

// Stage 9 — pipelines: a 110 kV power line strung straight across exactly one campus (the
// school with role "pipeline"), and a gas pipeline that crosses no campus at all. Both are
// checked on the written coordinates; the stage fails if either answer is not as promised.

export interface Pipelines {
  features: DemoFeature<'pipelines'>[];
  crossing: { pipelineId: string; schoolId: string };
  nonCrossingId: string;
}

const POWER_HALF_LENGTH_M = 3_500;
const TOWER_SPACING_M = 300;
const GAS_VERTEX_STEP_M = 200;
const GAS_RADIUS_M = 13_000;
/** The angle between the gas line's ends seen from the centre: a chord that misses the seat. */
const GAS_SPAN_RAD: [number, number] = [1.6, 2.6];
const OTHER_CAMPUS_CLEAR_M = 60;
const BORDER_INSET_M = 100;
const TRIES = 500;

export function buildPipelines(
  admin: Admin,
  schools: PlacedSchool[],
  rng: Rng,
  seed: number,
): Pipelines {
  const target = schools.find((s) => s.slot.role === 'pipeline')!;
  const others = schools.filter((s) => s !== target);
  const inCounty = (p: XY) =>
    pointInRing(p, admin.countyRing) && distToRing(p, admin.countyRing) > BORDER_INSET_M;
  const clearOf = (line: XY[], list: PlacedSchool[]) =>
    list.every((s) =>
      s.parts.every(
        (ring) =>
          !lineCrossesRings(line, [[...ring, ring[0]!]]) &&
          line.every((p) => distToRing(p, ring) > OTHER_CAMPUS_CLEAR_M) &&
          ring.every((p) => minDistToLine(p, line) > OTHER_CAMPUS_CLEAR_M),
      ),
    );

  const power = attempt('the power line', () => {
    const angle = rng.range(0, Math.PI);
    // Towers at ±(k + ½) spans from the school, so none stands on the campus.
    const spans = Math.floor(POWER_HALF_LENGTH_M / TOWER_SPACING_M);
    const offsets = Array.from(
      { length: 2 * spans },
      (_, i) => (i - spans + 0.5) * TOWER_SPACING_M,
    );
    const line = offsets.map((s) => add(target.point, polar(s, angle))).filter(inCounty);
    const towersOutside = line.every((p) => !target.parts.some((ring) => pointInRing(p, ring)));
    return towersOutside && clearOf(line, others) ? line : null;
  });
  const gas = attempt('the gas pipeline', () => {
    const start = rng.range(0, 2 * Math.PI);
    const line = wiggle(
      polar(GAS_RADIUS_M, start),
      polar(GAS_RADIUS_M, start + rng.range(...GAS_SPAN_RAD)),
      rng,
      0.08,
      GAS_VERTEX_STEP_M,
    ).filter(inCounty);
    return clearOf(line, schools) ? line : null;
  });
  const prov = provenance(seed, '管线普查（演示）');
  const features: DemoFeature<'pipelines'>[] = [
    feature(
      'pipelines',
      'pl-01',
      { type: 'LineString', coordinates: power.map(toLngLat) },
      {
        name: '110 kV 云青线',
        kind: 'hv_power',
        voltageKv: 110,
        operator: '云溪县供电公司（演示）',
        provenance: prov,
      },
    ),
    feature(
      'pipelines',
      'pl-02',
      { type: 'LineString', coordinates: gas.map(toLngLat) },
      {
        name: '云溪天然气支线',
        kind: 'gas',
        voltageKv: null,
        operator: '云溪燃气有限公司（演示）',
        provenance: prov,
      },
    ),
  ];
  const crossed = (f: DemoFeature<'pipelines'>) =>
    schools
      .filter(
        (s) =>
          s.feature.properties.campus &&
          lineCrossesAreal(f.geometry.coordinates, s.feature.properties.campus),
      )
      .map((s) => s.id);
  const powerCrosses = crossed(features[0]!);
  if (powerCrosses.length !== 1 || powerCrosses[0] !== target.id)
    throw new Error(
      `buildPipelines: the power line crosses ${powerCrosses.join(', ') || 'no campus'}, expected ${target.id}`,
    );
  if (crossed(features[1]!).length !== 0)
    throw new Error('buildPipelines: the gas pipeline crosses a campus');
  return {
    features,
    crossing: { pipelineId: 'pl-01', schoolId: target.id },
    nonCrossingId: 'pl-02',
  };
}

/** True when the line enters the area: a vertex inside, or a segment crossing a ring edge. */
export function lineCrossesAreal(line: readonly Position[], area: Areal): boolean {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.some((rings) => lineCrossesRings(line, rings));
}

/** The same test on closed rings (outer first) in any planar coordinates. */
function lineCrossesRings(line: readonly XY[], rings: readonly (readonly XY[])[]): boolean {
  const crosses = (ring: readonly XY[]) =>
    ring
      .slice(1)
      .some((b, i) => line.slice(1).some((q, j) => segmentsIntersect(ring[i]!, b, line[j]!, q)));
  return line.some((p) => pointInRing(p, rings[0]!)) || rings.some(crosses);
}

function minDistToLine(p: XY, line: XY[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, distToSegment(p, line[i - 1]!, line[i]!));
  return best;
}

function attempt<T>(what: string, make: () => T | null): T {
  for (let i = 0; i < TRIES; i++) {
    const out = make();
    if (out !== null) return out;
  }
  throw new Error(`buildPipelines: found no course for ${what}`);
}
