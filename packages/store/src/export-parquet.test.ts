import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { openStore } from './open.ts';
import { store as sampleStore } from './sample-features.ts';
import type { AtlasStore } from './store.ts';
import type { LayerFeature } from '@atlas/model';
import { makeTempDir } from './test-helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: AtlasStore;
beforeEach(async () => {
  temp = makeTempDir();
  store = await openStore(`${temp.dir}/atlas.duckdb`);
});
afterEach(async () => {
  await store.close();
  temp.cleanup();
});

describe('exportParquet', () => {
  it('writes one GeoParquet file per layer that reads back row for row', async () => {
    const stores: LayerFeature<'stores'>[] = Array.from({ length: 25 }, (_, i) => ({
      ...sampleStore,
      id: `sto-${String(i).padStart(3, '0')}`,
      geometry: { type: 'Point', coordinates: [114 + i / 1000, 30.5] },
    }));
    await store.upsert('stores', stores);
    const files = await store.exportParquet(temp.dir);
    expect(files.map((f) => f.layer)).toContain('schools');
    expect(files.find((f) => f.layer === 'stores')).toMatchObject({ rows: 25 });

    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const path = files.find((f) => f.layer === 'stores')!.path;
    const meta = (
      await c.runAndReadAll(
        `SELECT value::VARCHAR AS v FROM parquet_kv_metadata('${path}') WHERE key = 'geo'`,
      )
    ).getRowObjectsJS();
    expect(JSON.parse(String(meta[0]!.v).replaceAll('\\x22', '"'))).toMatchObject({
      primary_column: 'geom',
      columns: { geom: { encoding: 'WKB' } },
    });
    const rows = (
      await c.runAndReadAll(`SELECT id, ST_AsText(geom) AS wkt FROM '${path}' ORDER BY id`)
    ).getRowObjectsJS();
    const expected = [...stores].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows.map((r) => r.id)).toEqual(expected.map((f) => f.id));
    expect(rows.map((r) => r.wkt)).toEqual(
      expected.map((f) => `POINT (${f.geometry.coordinates.join(' ')})`),
    );
    c.closeSync();
    db.closeSync();
  });
});
