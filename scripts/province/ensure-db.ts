import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayerFeature, LayerName } from '@atlas/model';
import { LATEST_SCHEMA_VERSION, openStore, type AtlasStore } from '@atlas/store';
import type { ProvinceFeature } from './feature.ts';
import {
  PROVINCE_BBOX,
  PROVINCE_DENSEST_TOWN,
  provinceCounts,
  provinceStreams,
} from './generate.ts';
import {
  GENERATOR_VERSION,
  readSidecar,
  sidecarMatches,
  sidecarPath,
  type ProvinceSidecar,
} from './sidecar.ts';

// Build the province into a DuckDB file through the store (openStore + upsert in batches),
// or reuse the file when its sidecar says it holds the same seed and scale. The build goes
// to a temporary file renamed at the end, so an interrupted build is never reused.

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_PROVINCE_DB = join(REPO_ROOT, 'bench/data/province.duckdb');
export const DEFAULT_PROVINCE_SEED = 20_251_123;
/** Features per upsert call: big enough to amortise the per-call DELETE + INSERT. */
export const UPSERT_BATCH_SIZE = 50_000;
/** The store's meta key holding the sidecar JSON, so the database describes itself. */
export const PROVINCE_META_KEY = 'synthetic_province';

export interface EnsureProvinceOptions {
  out?: string;
  seed?: number;
  scale?: number;
  /** Rebuild even when a matching database exists. */
  force?: boolean;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
}

export interface EnsuredProvince {
  path: string;
  sidecar: ProvinceSidecar;
  reused: boolean;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function removeDb(path: string): Promise<void> {
  await Promise.all([rm(path, { force: true }), rm(`${path}.wal`, { force: true })]);
}

async function writeLayer<L extends LayerName>(
  store: AtlasStore,
  layer: L,
  features: Iterable<ProvinceFeature<L>>,
  total: number,
  log: (line: string) => void,
): Promise<number> {
  let batch: ProvinceFeature<L>[] = [];
  let written = 0;
  const flush = async () => {
    // The same shape as the model's LayerFeature<L>, which TS cannot see for a generic L.
    written += await store.upsert(layer, batch as unknown as LayerFeature<L>[]);
    batch = [];
    if (total > UPSERT_BATCH_SIZE)
      log(`  ${layer} ${written.toLocaleString('en')}/${total.toLocaleString('en')}`);
  };
  for (const f of features) {
    batch.push(f);
    if (batch.length === UPSERT_BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}

async function build(path: string, seed: number, scale: number, log: (line: string) => void) {
  const building = `${path}.building`;
  await removeDb(building);
  const streams = provinceStreams({ seed, scale });
  const counts = provinceCounts(scale);
  const layerMs: Partial<Record<LayerName, number>> = {};
  const store = await openStore(building);
  try {
    for (const layer of Object.keys(streams) as LayerName[]) {
      const started = performance.now();
      const written = await writeLayer(store, layer, streams[layer](), counts[layer], log);
      if (written !== counts[layer]) {
        throw new Error(`${layer}: expected ${counts[layer]} features, wrote ${written}`);
      }
      layerMs[layer] = Math.round(performance.now() - started);
      log(
        `${layer}: ${written.toLocaleString('en')} features in ${(layerMs[layer] / 1000).toFixed(1)} s`,
      );
    }
    const sidecar: ProvinceSidecar = {
      generatorVersion: GENERATOR_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      seed,
      scale,
      bbox: PROVINCE_BBOX,
      densestTown: PROVINCE_DENSEST_TOWN,
      counts,
      layerMs,
      builtAt: new Date().toISOString(),
    };
    await store.setMeta(PROVINCE_META_KEY, JSON.stringify(sidecar));
    await store.close();
    await removeDb(path);
    await rename(building, path);
    await writeFile(sidecarPath(path), `${JSON.stringify(sidecar, null, 2)}\n`, 'utf8');
    return sidecar;
  } catch (error) {
    await store.close().catch(() => undefined);
    await removeDb(building);
    throw error;
  }
}

/** The province database at opts.out (default bench/data/province.duckdb), built if needed. */
export async function ensureProvinceDb(opts: EnsureProvinceOptions = {}): Promise<EnsuredProvince> {
  const path = opts.out ?? DEFAULT_PROVINCE_DB;
  const seed = opts.seed ?? DEFAULT_PROVINCE_SEED;
  const scale = opts.scale ?? 1;
  const log = opts.log ?? console.log;
  provinceCounts(scale); // throws at once on a bad scale
  const existing = await readSidecar(path);
  if (!opts.force && sidecarMatches(existing, seed, scale) && (await exists(path))) {
    log(`reusing ${path} (seed ${seed}, scale ${scale}); --force to rebuild`);
    return { path, sidecar: existing, reused: true };
  }
  await mkdir(dirname(path), { recursive: true });
  await rm(sidecarPath(path), { force: true });
  log(`building ${path} (seed ${seed}, scale ${scale})`);
  const sidecar = await build(path, seed, scale, log);
  return { path, sidecar, reused: false };
}
