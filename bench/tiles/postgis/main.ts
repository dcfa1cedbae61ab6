import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVINCE_BBOX, PROVINCE_DENSEST_TOWN } from '../../../scripts/province/index.ts';
import { tileList } from '../tile-list.ts';
import { DEFAULT_PROVINCE_DB, runPostgisReference } from './index.ts';

// npm run bench:tiles:postgis — the PostGIS reference alone: the tiles bench's list, timed
// against PostGIS ST_AsMVT; prints a table and writes bench/results/tiles-postgis-*.json.
// Uses bench/data/province.duckdb as it is (npm run province builds it).

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench/results');

const list = tileList(PROVINCE_DENSEST_TOWN, PROVINCE_BBOX);
const loadBefore = loadavg();
const result = await runPostgisReference({ tiles: list, provinceDb: DEFAULT_PROVINCE_DB });
const loadAfter = loadavg();

const rows = result.runs.map((r) => ({
  run: r.name,
  'p50 ms': r.all.p50Ms,
  'p95 ms': r.all.p95Ms,
  'max ms': r.all.maxMs,
  'tiles/s': r.all.tilesPerS,
  'mean B': r.all.meanBytes,
  'max B': r.all.maxBytes,
  'z14–16 p50': r.z14to16.p50Ms,
  'z14–16 p95': r.z14to16.p95Ms,
  'z10–16 tiles/s': r.z10to16.tilesPerS,
}));
console.table(rows);
console.log(`largest tile ${result.maxTile.tile}: ${result.maxTile.bytes} B`);
console.log(
  `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`,
);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
await mkdir(RESULTS_DIR, { recursive: true });
const out = join(RESULTS_DIR, `tiles-postgis-${stamp}.json`);
await writeFile(
  out,
  `${JSON.stringify(
    {
      command: 'npm run bench:tiles:postgis',
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      loadAverage: { before: loadBefore, after: loadAfter },
      ...result,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${out}`);
