import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PROVINCE_DB, DEFAULT_PROVINCE_SEED, ensureProvinceDb } from './ensure-db.ts';

// CLI: build (or reuse) the synthetic province database for benchmarks.
//   npx tsx scripts/province/build-db.ts [--out bench/data/province.duckdb] [--seed N]
//                                        [--scale 1] [--force]

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: DEFAULT_PROVINCE_DB },
    seed: { type: 'string', default: String(DEFAULT_PROVINCE_SEED) },
    scale: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const scale = Number(values.scale);
if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got ${values.seed}`);
if (!(scale > 0 && scale <= 1))
  throw new Error(`--scale: expected 0 < scale ≤ 1, got ${values.scale}`);

const started = performance.now();
const { path, sidecar, reused } = await ensureProvinceDb({
  out: resolve(values.out),
  seed,
  scale,
  force: values.force,
});
const sizeMb = (await stat(path)).size / 1e6;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${reused ? 'reused' : 'built'} ${path}: ${sizeMb.toFixed(0)} MB in ${seconds} s; ` +
    `densest town ${sidecar.densestTown.name} at ${sidecar.densestTown.centre.join(', ')}`,
);
