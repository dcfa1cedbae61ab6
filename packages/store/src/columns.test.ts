import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LAYER_NAMES } from '@atlas/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_COLUMNS, PROPERTY_COLUMNS } from './layer-columns.ts';
import { openStore } from './open.ts';
import { SAMPLES } from './sample-features.ts';
import { makeTempDir } from './test-helpers.ts';

// The tables made by the migrations must match layer-columns.ts, which maps features to rows.

const temp = makeTempDir();
const path = join(temp.dir, 'atlas.duckdb');
const types: Record<string, Record<string, string>> = {};
let filterable: unknown[][] = [];

beforeAll(async () => {
  const store = await openStore(path);
  for (const layer of LAYER_NAMES) await store.upsert(layer, SAMPLES[layer]);
  await store.close();
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const rows = (
    await c.runAndReadAll(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    )
  ).getRowsJS() as string[][];
  for (const [table, column, type] of rows) (types[table!] ??= {})[column!] = type!;
  filterable = (
    await c.runAndReadAll(
      `SELECT s.id, s.type, s.code, ST_AsText(s.campus) IS NOT NULL, list_contains(t.categories, 'tobacco')
       FROM schools s, stores t ORDER BY s.id`,
    )
  ).getRowsJS();
  c.closeSync();
  instance.closeSync();
});
afterAll(() => temp.cleanup());

describe('layer tables', () => {
  it.each(LAYER_NAMES)('has the columns layer-columns.ts expects for %s', (layer) => {
    const expected = [...COMMON_COLUMNS, ...PROPERTY_COLUMNS[layer].map((p) => p.column)];
    expect(Object.keys(types[layer] ?? {})).toEqual(expected);
    expect(types[layer]?.geom).toBe('GEOMETRY');
    for (const p of PROPERTY_COLUMNS[layer]) {
      const type = { text: 'VARCHAR', text_list: 'VARCHAR[]', geometry: 'GEOMETRY' }[p.kind];
      expect(types[layer]?.[p.column]).toBe(type);
    }
  });

  it('keeps filter fields in real columns SQL can use', () => {
    expect(filterable).toEqual([
      ['school-4201060001', 'primary', '4201060001', true, true],
      ['school-no-campus', 'primary', '4201060002', false, true],
    ]);
  });
});
