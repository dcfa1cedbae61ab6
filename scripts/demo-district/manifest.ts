import { type Bbox, LAYER_NAMES, type LayerName, type Position } from '@atlas/model';
import type { Layers } from './generate.ts';
import type { Hazards } from './hazards.ts';
import type { Pipelines } from './pipelines.ts';
import type { PlantedTruth } from './planted.ts';
import type { PlacedSchool } from './schools.ts';

// The manifest: what was generated (seed, version, counts, bbox) and the ground truth that
// later audit tests must reproduce exactly (planted distances, the crossing power line, the
// schools under hazards, the schools without an outline).

export interface Manifest {
  name: string;
  notice: string;
  fictional: true;
  seed: number;
  generatorVersion: string;
  crs: 'EPSG:4326';
  bbox: Bbox;
  counts: Record<LayerName, number>;
  files: Record<LayerName, string>;
  plantedToleranceM: number;
  plantedSchoolIds: string[];
  planted: PlantedTruth[];
  crossingPipeline: Pipelines['crossing'];
  nonCrossingPipelineId: string;
  hazardSchools: Hazards['threatened'];
  schoolsWithoutOutline: { schoolId: string; gates: number }[];
}

export function buildManifest(args: {
  seed: number;
  version: string;
  layers: Layers;
  schools: PlacedSchool[];
  planted: PlantedTruth[];
  toleranceM: number;
  pipelines: Pipelines;
  hazards: Hazards;
}): Manifest {
  const { layers } = args;
  const counts = Object.fromEntries(LAYER_NAMES.map((l) => [l, layers[l].length])) as Record<
    LayerName,
    number
  >;
  const files = Object.fromEntries(LAYER_NAMES.map((l) => [l, `${l}.geojson`])) as Record<
    LayerName,
    string
  >;
  return {
    name: '云溪县（虚构）演示数据',
    notice:
      '虚构演示数据：县、乡镇、村、学校、门店、隐患点与人名均为虚构，仅用于演示与测试。Fictional demo data.',
    fictional: true,
    seed: args.seed,
    generatorVersion: args.version,
    crs: 'EPSG:4326',
    bbox: bboxOf(LAYER_NAMES.flatMap((l) => layers[l].flatMap((f) => positionsOf(f.geometry)))),
    counts,
    files,
    plantedToleranceM: args.toleranceM,
    plantedSchoolIds: args.schools.filter((s) => s.slot.role === 'planted').map((s) => s.id),
    planted: args.planted,
    crossingPipeline: args.pipelines.crossing,
    nonCrossingPipelineId: args.pipelines.nonCrossingId,
    hazardSchools: args.hazards.threatened,
    schoolsWithoutOutline: args.schools
      .filter((s) => s.feature.properties.campus === null)
      .map((s) => ({ schoolId: s.id, gates: s.feature.properties.gates.length })),
  };
}

function positionsOf(g: { type: string; coordinates: unknown }): Position[] {
  const walk = (c: unknown): Position[] =>
    typeof (c as unknown[])[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(walk);
  return walk(g.coordinates);
}

function bboxOf(ps: Position[]): Bbox {
  const lngs = ps.map((p) => p[0]);
  const lats = ps.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}
