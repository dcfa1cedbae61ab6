import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_NAMES } from '@atlas/model';
import { openStore, seedFromDirectory } from '@atlas/store';
import { CliError, runCli } from './run.ts';

const DEMO_DIR = fileURLToPath(new URL('../../data/demo', import.meta.url));
const PARQUET_MAGIC = 'PAR1';
let dir: string;
let db: string;
const quiet = () => undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-export-cli-'));
  db = join(dir, 'demo.duckdb');
  const store = await openStore(db);
  await seedFromDirectory(store, DEMO_DIR);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run export -- --parquet', () => {
  it('writes one Parquet file per layer with GeoParquet metadata in the footer', async () => {
    const out = join(dir, 'parquet');
    const files = await runCli(['--db', db, '--parquet', out], quiet);
    expect(files.map((f) => f.layer)).toEqual(LAYER_NAMES);
    const schools = files.find((f) => f.layer === 'schools')!;
    expect(schools.rows).toBeGreaterThan(0);
    const bytes = readFileSync(schools.path);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe(PARQUET_MAGIC);
    expect(bytes.subarray(-4).toString('latin1')).toBe(PARQUET_MAGIC);
    // The footer (thrift, uncompressed) carries the key-value metadata: key "geo", WKB.
    const footer = bytes.subarray(-bytes.readUInt32LE(bytes.length - 8) - 8).toString('latin1');
    expect(footer).toContain('geo');
    expect(footer).toMatch(/primary_column.{1,20}geom/);
    expect(footer).toMatch(/encoding.{1,20}WKB/);
  });

  it('refuses missing arguments and a database that does not exist', async () => {
    await expect(runCli(['--db', db], quiet)).rejects.toThrow(CliError);
    await expect(
      runCli(['--db', join(dir, 'none.duckdb'), '--parquet', join(dir, 'p2')], quiet),
    ).rejects.toThrow();
  });
});
