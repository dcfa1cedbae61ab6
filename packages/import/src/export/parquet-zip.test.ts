import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture, tempStore } from '../testing.ts';
import { exportParquetZip } from './parquet-zip.ts';

const PARQUET_MAGIC = 'PAR1';
let t: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('exportParquetZip', () => {
  it('zips one Parquet file per non-empty layer and removes its temp dir once streamed', async () => {
    await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' });
    await t.run(fixture('hazards-register.csv'), { layer: 'hazards' });
    const out = await exportParquetZip(t.store);
    expect(out.fileName).toBe('atlas-parquet.zip');
    expect(out.files.map((f) => f.layer)).toEqual(['hazards', 'stores']);
    const zip = unzipSync(await bytesOf(out.body));
    expect(Object.keys(zip).sort()).toEqual(['hazards.parquet', 'stores.parquet']);
    for (const bytes of Object.values(zip)) {
      const text = Buffer.from(bytes);
      expect(text.subarray(0, 4).toString('latin1')).toBe(PARQUET_MAGIC);
      expect(text.subarray(-4).toString('latin1')).toBe(PARQUET_MAGIC);
      expect(text.toString('latin1')).toMatch(/primary_column.{1,20}geom/);
    }
    expect(out.files.find((f) => f.layer === 'stores')!.rows).toBe(4);
    await vi.waitFor(() => expect(existsSync(dirname(out.files[0]!.path))).toBe(false));
  });

  it('gives an empty zip for an empty database', async () => {
    const out = await exportParquetZip(t.store);
    expect(out.files).toEqual([]);
    expect(Object.keys(unzipSync(await bytesOf(out.body)))).toEqual([]);
  });
});
