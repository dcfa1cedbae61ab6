// Synthetic province for benchmarks (never loaded by npm test's fixtures).

// Every layer, seeded: as arrays (generateProvince) or as restartable streams.
export {
  generateProvince,
  provinceStreams,
  provinceCounts,
  type Province,
  type ProvinceOptions,
  type ProvinceLayers,
} from './generate.ts';
// Where the province is and which town is densest (a fixed place, for picking tiles).
export { PROVINCE_BBOX, FULL_COUNTS } from './extent.ts';
export { PROVINCE_DENSEST_TOWN } from './towns.ts';
// Build or reuse the DuckDB file, with its JSON sidecar.
export { ensureProvinceDb, DEFAULT_PROVINCE_DB, DEFAULT_PROVINCE_SEED } from './ensure-db.ts';
export type { EnsureProvinceOptions, EnsuredProvince } from './ensure-db.ts';
export { sidecarPath, type ProvinceSidecar } from './sidecar.ts';
