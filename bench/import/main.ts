// npm run bench:import [-- --rows 250000,1000000] — seeded stores CSVs through the whole
// import pipeline into a temp DuckDB file, each size in a child process of its own so each
// peak RSS is its own: prints wall time, rows/s and peak RSS per size and the ratio of the
// peaks (bounded memory: near 1 however many rows), and writes them to
// bench/results/import-<timestamp>.json. The baseline in the same run is the bare read
// (CSV → records) of the same file, so the rest is the pipeline's own cost.
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
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { IMPORT_DB_MEMORY_LIMIT_MIB, openSource, runImport } from '@atlas/import';
import { openStore } from '@atlas/store';
import { mulberry32 } from '../../scripts/lib/rng.ts';

const ROWS_DEFAULT = '250000,1000000';
/** DuckDB's memory limit for the run (its cache of table blocks is the rest of the growth). */
const DB_MEMORY_MIB_DEFAULT = IMPORT_DB_MEMORY_LIMIT_MIB;
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

async function importOnce(rows: number, memoryLimitMiB: number) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-import-'));
  try {
    const csv = join(dir, 'stores.csv');
    await writeCsv(csv, rows);
    const bytes = statSync(csv).size;
    let t0 = performance.now();
    const opened = await openSource(csv, { layer: 'stores' });
    let read = 0;
    for await (const batch of opened.batches) read += batch.length;
    const readS = (performance.now() - t0) / 1000;

    const store = await openStore(join(dir, 'bench.duckdb'), { memoryLimitMiB });
    const loadBefore = loadavg()[0]!;
    const rss = rssSampler();
    t0 = performance.now();
    const report = await runImport(store, csv, { layer: 'stores' }, { mode: 'commit' });
    const wallS = (performance.now() - t0) / 1000;
    const peakRssMiB = rss.stop() / MIB;
    const stored = (await store.stats()).find((s) => s.layer === 'stores')!.count;
    await store.close();
    return {
      rows,
      baselineRecords: read,
      dbMemoryLimitMiB: memoryLimitMiB,
      fileMiB: +(bytes / MIB).toFixed(1),
      committed: report.committed,
      stored,
      errors: report.counts.errors,
      wallS: +wallS.toFixed(2),
      rowsPerS: Math.round(rows / wallS),
      peakRssMiB: Math.round(peakRssMiB),
      baselineReadS: +readS.toFixed(2),
      withinTarget: wallS <= TARGET_S * (rows / 1_000_000),
      /** 1-minute load average before and after: other work on the machine slows this run. */
      loadAverage: [+loadBefore.toFixed(2), +loadavg()[0]!.toFixed(2)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    'db-memory-mib': { type: 'string' },
    child: { type: 'string' },
  },
});
const memoryLimitMiB = Number(values['db-memory-mib'] ?? DB_MEMORY_MIB_DEFAULT);
if (values.child) {
  // One size, in this process alone: the parent reads the last line.
  console.log(JSON.stringify(await importOnce(Number(values.child), memoryLimitMiB)));
} else {
  const sizes = (values.rows ?? ROWS_DEFAULT).split(',').map(Number);
  const runs = [];
  for (const rows of sizes) {
    console.log(`importing ${rows} seeded rows in a child process …`);
    const out = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        import.meta.filename,
        '--child',
        String(rows),
        '--db-memory-mib',
        String(memoryLimitMiB),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    const run = JSON.parse(out.trim().split('\n').pop()!) as Awaited<ReturnType<typeof importOnce>>;
    console.log(
      `  ${rows} rows: ${run.wallS} s = ${run.rowsPerS} rows/s; peak RSS ${run.peakRssMiB} MiB; committed ${run.committed} (${run.stored} stored); baseline read ${run.baselineReadS} s; load ${run.loadAverage.join(' → ')}`,
    );
    runs.push(run);
  }
  const [first, last] = [runs[0]!, runs[runs.length - 1]!];
  const result = {
    bench: 'import',
    seed: SEED,
    runs,
    /** Peak RSS of the largest run over the smallest: bounded memory keeps it near 1. */
    peakRssRatio: +(last.peakRssMiB / first.peakRssMiB).toFixed(2),
    rowsRatio: last.rows / first.rows,
    targetS: TARGET_S,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      memGiB: Math.round(totalmem() / 1024 / MIB),
      node: process.version,
    },
    at: new Date().toISOString(),
  };
  console.log(
    `peak RSS ${first.peakRssMiB} MiB at ${first.rows} rows, ${last.peakRssMiB} MiB at ${last.rows} rows: ratio ${result.peakRssRatio} for ${result.rowsRatio}× the rows; ${last.rows} rows in ${last.wallS} s (target ≤ ${TARGET_S} s per million: ${last.withinTarget ? 'met' : 'MISSED'}) on ${result.machine.cpus} cores`,
  );
  const resultsDir = resolve(import.meta.dirname, '../results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `import-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
