import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ParquetFile } from '@atlas/store';
import { openStore } from '@atlas/store';

// The whole database as GeoParquet without the server: one <layer>.parquet per layer
// (empty layers too, so the schema travels), geometry as WKB with GeoParquet `geo` metadata.

export const USAGE = 'usage: npm run export -- --db FILE --parquet DIR';

export class CliError extends Error {}

export async function runCli(
  argv: string[],
  log: (line: string) => void = console.log,
): Promise<ParquetFile[]> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, parquet: { type: 'string' } },
  });
  const { db, parquet } = values;
  if (!db || !parquet) throw new CliError(`--db and --parquet are required\n${USAGE}`);
  await mkdir(parquet, { recursive: true });
  const store = await openStore(db, { create: false });
  try {
    const files = await store.exportParquet(parquet);
    for (const f of files) log(`${f.layer}: ${f.rows} rows → ${f.path}`);
    return files;
  } finally {
    await store.close();
  }
}
