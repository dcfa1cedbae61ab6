import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { openStore } from '@atlas/store';
import { HOST, SUPERUSER } from './cluster.ts';
import type { Postgres } from './install.ts';
import { csvLine, POSTGIS_LAYERS, type PostgisLayer } from './layers.ts';

// Load the province into PostGIS: read each layer through @atlas/store, stream it as CSV
// into psql's COPY … FROM STDIN (EWKT in WGS84), then transform to EPSG:3857, build a GiST
// index, CLUSTER the table on it (neighbours on neighbouring pages, as a tuned tile
// database would be) and ANALYZE.

const WEB_MERCATOR_SRID = 3857;
const WGS84_SRID = 4326;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

function createTableSql(spec: PostgisLayer): string {
  const cols = spec.columns.map((c) => `${q(c)} text`).join(', ');
  return `CREATE TABLE ${q(spec.table)} (fid bigint NOT NULL, ${cols}, geom geometry(${spec.geometryType}, ${WGS84_SRID}))`;
}

function finishSql(spec: PostgisLayer): string[] {
  const t = q(spec.table);
  const index = q(`${spec.table}_geom`);
  return [
    `ALTER TABLE ${t} ALTER COLUMN geom TYPE geometry(${spec.geometryType}, ${WEB_MERCATOR_SRID}) USING ST_Transform(geom, ${WEB_MERCATOR_SRID})`,
    `CREATE INDEX ${index} ON ${t} USING gist (geom)`,
    `CLUSTER ${t} USING ${index}`,
    `ANALYZE ${t}`,
  ];
}

/** psql reading COPY data from our stdin; resolves when psql exits cleanly. */
function copyIn(pgInstall: Postgres, port: number, spec: PostgisLayer) {
  const columns = ['fid', ...spec.columns, 'geom'].map(q).join(', ');
  const sql = `COPY ${q(spec.table)} (${columns}) FROM STDIN (FORMAT csv)`;
  const args = ['-h', HOST, '-p', String(port), '-U', SUPERUSER, '-d', 'postgres'];
  const child = spawn(
    join(pgInstall.binDir, 'psql'),
    [...args, '-v', 'ON_ERROR_STOP=1', '-c', sql],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stdin.on('error', () => {}); // EPIPE when psql fails: its exit code reports it
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`COPY ${spec.table}: psql exit ${code}: ${stderr}`)),
    );
  });
  return { stdin: child.stdin, done };
}

export interface LoadReport {
  rows: Record<string, number>;
  loadMs: number;
}

export async function loadProvince(
  client: pg.Client,
  pgInstall: Postgres,
  port: number,
  provinceDb: string,
  log: (line: string) => void,
): Promise<LoadReport> {
  const started = performance.now();
  await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  // A private copy, opened writable: the store may migrate it, and nothing else holds it.
  const work = await mkdtemp(join(tmpdir(), 'atlas-postgis-load-'));
  const copy = join(work, 'province.duckdb');
  await copyFile(provinceDb, copy);
  const store = await openStore(copy);
  const rows: Record<string, number> = {};
  try {
    for (const spec of POSTGIS_LAYERS) {
      const layerStarted = performance.now();
      await client.query(createTableSql(spec));
      const { stdin, done } = copyIn(pgInstall, port, spec);
      let fid = 0;
      for await (const batch of store.scan(spec.source)) {
        const chunk = batch.map((f) => csvLine(spec, ++fid, f)).join('');
        // psql failing mid-way never drains: let its exit error win the race.
        if (!stdin.write(chunk)) await Promise.race([once(stdin, 'drain'), done]);
      }
      stdin.end();
      await done;
      for (const sql of finishSql(spec)) await client.query(sql);
      rows[spec.table] = fid;
      const s = ((performance.now() - layerStarted) / 1000).toFixed(1);
      log(`  ${spec.table}: ${fid.toLocaleString('en')} rows copied, indexed, clustered in ${s} s`);
    }
  } finally {
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
  await client.query('CHECKPOINT');
  return { rows, loadMs: Math.round(performance.now() - started) };
}
