import type { Bbox, LayerName } from '@atlas/model';
import { adminAreas, ADMIN_AREA_COUNT, makeAdminGrid } from './admin.ts';
import { PROVINCE_BBOX, scaledCount } from './extent.ts';
import type { ProvinceFeature } from './feature.ts';
import { hazards } from './hazards.ts';
import { pipelines } from './pipelines.ts';
import { roads } from './roads.ts';
import { routes, type SchoolAnchor } from './routes.ts';
import { schools } from './schools.ts';
import { stores } from './stores.ts';
import { makeTowns, PROVINCE_DENSEST_TOWN } from './towns.ts';
import { water } from './water.ts';

// The synthetic province, layer by layer. Each layer draws from its own seeded stream
// (forkRng(seed, layer)), so a layer is the same whether generated alone, streamed in
// batches (build-db) or collected into arrays (generateProvince). Layers in the store's
// drawing order.

export interface ProvinceOptions {
  seed: number;
  /** 1 = full counts (a million stores); 0.01 for tests. Admin areas never scale. */
  scale?: number;
}

export type ProvinceLayers = { [L in LayerName]: ProvinceFeature<L>[] };

export interface Province {
  seed: number;
  scale: number;
  bbox: Bbox;
  densestTown: typeof PROVINCE_DENSEST_TOWN;
  counts: Record<LayerName, number>;
  layers: ProvinceLayers;
}

/** One iterable per layer; each call to a layer's function starts it afresh. */
export type ProvinceStreams = { [L in LayerName]: () => Iterable<ProvinceFeature<L>> };

function checkedScale(scale: number): number {
  if (!(scale > 0 && scale <= 1))
    throw new RangeError(`scale: expected 0 < scale ≤ 1, got ${scale}`);
  return scale;
}

export function provinceCounts(scale: number): Record<LayerName, number> {
  checkedScale(scale);
  return {
    admin_areas: ADMIN_AREA_COUNT,
    water: scaledCount('water', scale),
    roads: scaledCount('roads', scale),
    pipelines: scaledCount('pipelines', scale),
    routes: scaledCount('routes', scale),
    hazards: scaledCount('hazards', scale),
    schools: scaledCount('schools', scale),
    stores: scaledCount('stores', scale),
  };
}

export function provinceStreams(opts: ProvinceOptions): ProvinceStreams {
  const { seed } = opts;
  const scale = checkedScale(opts.scale ?? 1);
  if (!Number.isInteger(seed)) throw new RangeError(`seed: expected an integer, got ${seed}`);
  const towns = makeTowns(seed);
  const grid = makeAdminGrid(seed);
  // Routes start at schools: re-running the schools stream (30k, fast) is cheaper than
  // keeping every school alive while a million stores stream past.
  const anchors = (): SchoolAnchor[] =>
    Array.from(schools(seed, scale, towns, grid), (s) => ({
      code: s.properties.code,
      position: s.geometry.coordinates,
    }));
  return {
    admin_areas: () => adminAreas(seed, grid),
    water: () => water(seed, scale, towns, grid),
    roads: () => roads(seed, scale, towns),
    pipelines: () => pipelines(seed, scale),
    routes: () => routes(seed, scale, anchors()),
    hazards: () => hazards(seed, scale, towns, grid),
    schools: () => schools(seed, scale, towns, grid),
    stores: () => stores(seed, scale, towns, grid),
  };
}

/**
 * Every layer as arrays. At scale 1 that is a million stores in memory (≈1 GB of heap);
 * build-db streams instead.
 */
export function generateProvince(opts: ProvinceOptions): Province {
  const scale = checkedScale(opts.scale ?? 1);
  const streams = provinceStreams({ seed: opts.seed, scale });
  const layers = {} as Record<LayerName, unknown[]>;
  for (const layer of Object.keys(streams) as LayerName[]) {
    layers[layer] = Array.from<unknown>(streams[layer]());
  }
  return {
    seed: opts.seed,
    scale,
    bbox: PROVINCE_BBOX,
    densestTown: PROVINCE_DENSEST_TOWN,
    counts: provinceCounts(scale),
    layers: layers as ProvinceLayers,
  };
}

export { PROVINCE_DENSEST_TOWN, PROVINCE_BBOX };
