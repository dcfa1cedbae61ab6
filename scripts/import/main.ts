import { SingleBar, Presets } from 'cli-progress';
import { IMPORT_DB_MEMORY_LIMIT_MIB, runImport, type ImportProgress } from '@atlas/import';
import { openStore } from '@atlas/store';
import { USAGE, parseCliArgs, type CliArgs } from './args.ts';
import { formatReport } from './print.ts';

// npm run import -- --layer stores --file FILE [--crs gcj02] [--dry-run] [--db FILE]
// Exit codes: 0 imported (or a clean dry run), 1 problems stopped it, 2 bad arguments.

let args: CliArgs;
try {
  args = parseCliArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const bar = new SingleBar(
  {
    format: '{phase} [{bar}] {percentage}% | {rows} rows | {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  },
  Presets.shades_classic,
);
let started = false;
function onProgress(p: ImportProgress) {
  if (!process.stderr.isTTY || args.json) return;
  const total = p.totalBytes || 1;
  const value = p.bytesRead ?? 0;
  if (!started) {
    bar.start(total, value, { phase: p.phase, rows: p.rows });
    started = true;
  }
  if (p.phase === 'done') bar.stop();
  else bar.update(value, { phase: p.phase, rows: p.rows });
}

const store = await openStore(args.db, { memoryLimitMiB: IMPORT_DB_MEMORY_LIMIT_MIB });
try {
  const report = await runImport(store, args.file, args.options, {
    mode: args.dryRun ? 'preview' : 'commit',
    onProgress,
  });
  if (started) bar.stop();
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report, args.dryRun));
  process.exitCode = report.counts.errors > 0 ? 1 : 0;
} finally {
  await store.close();
}
