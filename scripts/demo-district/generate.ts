import type { LayerName } from '@atlas/model';
import { buildAdmin } from './admin.ts';
import type { DemoFeature } from './features.ts';
import { buildHazards } from './hazards.ts';
import { buildManifest, type Manifest } from './manifest.ts';
import { buildPipelines } from './pipelines.ts';
import { plantStores, TOLERANCE_M } from './planted.ts';
import { PLANTED_CASES } from './planted-cases.ts';
import { buildRivers } from './rivers.ts';
import { forkRng } from '../lib/rng.ts';
import { buildRoads, roadFeatures } from './roads.ts';
import { buildRoutes } from './routes.ts';
import { buildSchools } from './schools.ts';
import { SegmentIndex } from './segment-index.ts';
import { buildStores, RANDOM_STORES } from './stores.ts';
import { buildWater } from './water.ts';

// The demo district generator, top-down: each stage takes what earlier stages built and a
// random stream of its own (forked from the seed by the stage's name). Pure: no clock, no
// I/O, so the same seed always gives the same district.

export const GENERATOR_VERSION = '1.0.0';
/** The seed of the district shipped in data/demo/. */
export const DEFAULT_SEED = 20241001;

export type Layers = { [L in LayerName]: DemoFeature<L>[] };

export interface District {
  layers: Layers;
  manifest: Manifest;
}

export function generateDistrict(seed: number = DEFAULT_SEED): District {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`generateDistrict: seed must be a 32-bit unsigned integer, got ${seed}`);
  const rng = (stage: string) => forkRng(seed, stage);
  // 1. County, ~8 townships tiling it, ~60 villages tiling them.
  const admin = buildAdmin(rng('admin'), seed);
  // 2. Streets, county and township roads, village roads, footpaths, expressway.
  const roads = buildRoads(admin, rng('roads'));
  const roadIndex = new SegmentIndex();
  roads.lines.forEach((l) => roadIndex.addLine(l.pts));
  // 3. The main river (in reaches) and its tributaries.
  const rivers = buildRivers(admin, rng('rivers'), seed);
  // 4. Schools beside the roads, with campuses, gates and access roads.
  const schools = buildSchools(admin, roads, roadIndex, rivers.index, rng('schools'), seed);
  // 5. Reservoirs, mountain ponds, ponds (some near schools), ditches, a sand pit, a weir.
  const water = buildWater(
    admin,
    rivers,
    schools,
    roadIndex,
    rng('water'),
    seed,
    rivers.features.length + 1,
  );
  // 6. Geological hazards, two of them threatening a school on purpose.
  const hazards = buildHazards(admin, schools, roadIndex, rng('hazards'), seed);
  // 7. Shops along the streets, dense in the seat and the town centres.
  const stores = buildStores(admin, roads, schools, rivers, water, rng('stores'), seed);
  // 8. Prohibited shops planted at exact distances from four campuses, verified.
  const planted = plantStores(admin, schools, rng('planted'), seed, RANDOM_STORES + 1);
  // 9. A power line across exactly one campus, a gas pipeline across none.
  const pipelines = buildPipelines(admin, schools, rng('pipelines'), seed);
  // 10. School bus routes along the roads.
  const routes = buildRoutes(admin, roads, schools, rng('routes'), seed);
  const layers: Layers = {
    admin_areas: admin.features,
    water: [...rivers.features, ...water.features],
    roads: roadFeatures(roads, seed),
    pipelines: pipelines.features,
    routes,
    hazards: hazards.features,
    schools: schools.map((s) => s.feature),
    stores: [...stores, ...planted.stores],
  };
  if (planted.stores.length !== PLANTED_CASES.length)
    throw new Error('generateDistrict: a planted case went missing');
  // 11. The manifest with the ground truth.
  const manifest = buildManifest({
    seed,
    version: GENERATOR_VERSION,
    layers,
    schools,
    planted: planted.truth,
    toleranceM: TOLERANCE_M,
    pipelines,
    hazards,
  });
  return { layers, manifest };
}
