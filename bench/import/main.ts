// npm run bench:import [-- --rows N] — a seeded million-row stores CSV through the whole
// import pipeline into a temp DuckDB file: prints rows/s, wall time and peak RSS, and
// writes them to bench/results/import-<timestamp>.json. The baseline in the same run is
// the bare read (CSV → records) of the same file, so the rest is the pipeline's own cost.
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { openSource, runImport } from '@atlas/import';
import { openStore } from '@atlas/store';
import { mulberry32 } from '../../scripts/lib/rng.ts';

const ROWS_DEFAULT = 1_000_000;
const SEED = 20261123;
const TARGET_S = 60;
const RSS_SAMPLE_MS = 50;
const MIB = 1024 * 1024;
/** The bench district: a 0.4° square around 江夏区. */
const ORIGIN = [114.1, 30.1] as const;
const SPAN_DEG = 0.4;
const KINDS = ['网吧', 'KTV', '烟酒店', '彩票站', '超市', '成人用品店', '酒行', '面馆'];

async function writeCsv(path: string, rows: number) {
  const { next: random } = mulberry32(SEED);
  const out = createWriteStream(path);
  out.write('\uFEFF名称,类型,经营地址,许可证号,经度,纬度\n');
  for (let i = 0; i < rows; i++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    const lng = (ORIGIN[0] + random() * SPAN_DEG).toFixed(6);
    const lat = (ORIGIN[1] + random() * SPAN_DEG).toFixed(6);
    const line = `第${i}号${kind},${kind},纸坊街${i}号,L${String(i).padStart(9, '0')},${lng},${lat}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().rss)),
    RSS_SAMPLE_MS,
  );
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const rows = Number(values.rows ?? ROWS_DEFAULT);
const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-import-'));
try {
  const csv = join(dir, 'stores.csv');
  console.log(`writing ${rows} seeded rows …`);
  await writeCsv(csv, rows);
  const bytes = statSync(csv).size;

  let t0 = performance.now();
  const opened = await openSource(csv, { layer: 'stores' });
  let read = 0;
  for await (const batch of opened.batches) read += batch.length;
  const readS = (performance.now() - t0) / 1000;
  console.log(`baseline read: ${read} records in ${readS.toFixed(1)} s`);

  const store = await openStore(join(dir, 'bench.duckdb'));
  const loadBefore = loadavg()[0]!;
  const rss = rssSampler();
  t0 = performance.now();
  const report = await runImport(store, csv, { layer: 'stores' }, { mode: 'commit' });
  const wallS = (performance.now() - t0) / 1000;
  const peakRssMiB = rss.stop() / MIB;
  const stored = (await store.stats()).find((s) => s.layer === 'stores')!.count;
  await store.close();

  const result = {
    bench: 'import',
    rows,
    seed: SEED,
    fileMiB: +(bytes / MIB).toFixed(1),
    committed: report.committed,
    stored,
    errors: report.counts.errors,
    wallS: +wallS.toFixed(2),
    rowsPerS: Math.round(rows / wallS),
    peakRssMiB: Math.round(peakRssMiB),
    baselineReadS: +readS.toFixed(2),
    targetS: TARGET_S,
    withinTarget: wallS <= TARGET_S,
    /** 1-minute load average before and after: other work on the machine slows this run. */
    loadAverage: [+loadBefore.toFixed(2), +loadavg()[0]!.toFixed(2)],
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      memGiB: Math.round(totalmem() / 1024 / MIB),
      node: process.version,
    },
    at: new Date().toISOString(),
  };
  console.log(
    `import: ${rows} rows in ${result.wallS} s = ${result.rowsPerS} rows/s; peak RSS ${result.peakRssMiB} MiB; committed ${report.committed} (${stored} stored); target ≤ ${TARGET_S} s: ${result.withinTarget ? 'met' : 'MISSED'} (load average ${result.loadAverage.join(' → ')} on ${result.machine.cpus} cores)`,
  );
  const resultsDir = resolve(import.meta.dirname, '../results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `import-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
