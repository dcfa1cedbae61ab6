import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, seedFromDirectory } from '@atlas/store';
import { CliError, runCli } from './run.ts';

const DEMO_DIR = fileURLToPath(new URL('../../data/demo', import.meta.url));
let dir: string;
let db: string;
const quiet = () => undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  db = join(dir, 'demo.duckdb');
  const store = await openStore(db);
  await seedFromDirectory(store, DEMO_DIR);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run audit', () => {
  it('writes every finding as UTF-8 CSV with a BOM and keeps the run in the database', async () => {
    const out = join(dir, 'findings.csv');
    const result = await runCli(['--db', db, '--profile', 'hubei', '--out', out], quiet);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF编号(id),学校标识码(school_id),学校名称(school_name),')).toBe(
      true,
    );
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(result.findings + 1);
    const planted = lines.find((l) => l.startsWith('sch-001/store/sto-1976/internet_cafe,'))!;
    expect(planted).toContain('云溪县第一中学');
    expect(planted).toContain(',violation,');
    expect(planted).toContain(',49,'); // to the decimetre
    const store = await openStore(db);
    try {
      const runs = await store.listAuditRuns();
      expect(runs.map((r) => r.id)).toContain(result.runId);
      expect(runs[0]!.counts.total).toBe(result.findings);
    } finally {
      await store.close();
    }
  });

  it('writes GeoJSON lines from the origin point to the target point', async () => {
    const out = join(dir, 'findings.geojson');
    const result = await runCli(['--db', db, '--out', out], quiet);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as {
      features: {
        geometry: { type: string; coordinates: number[][] };
        properties: { origin_lng: number; target_lat: number; status: string };
      }[];
    };
    expect(fc.features).toHaveLength(result.findings);
    const f = fc.features[0]!;
    expect(f.geometry.type).toBe('LineString');
    expect(f.geometry.coordinates[0]![0]).toBe(f.properties.origin_lng);
    expect(f.geometry.coordinates.at(-1)![1]).toBe(f.properties.target_lat);
  });

  it('refuses missing arguments, an unknown format and an unknown profile with a message', async () => {
    await expect(runCli(['--out', 'x.csv'], quiet)).rejects.toThrow(CliError);
    await expect(runCli(['--db', db, '--out', 'x.shp'], quiet)).rejects.toThrow(
      /\.csv, \.xlsx or \.geojson/,
    );
    await expect(
      runCli(['--db', db, '--profile', 'mars', '--out', join(dir, 'x.csv')], quiet),
    ).rejects.toThrow(/no rule profile "mars"/);
  });
});
