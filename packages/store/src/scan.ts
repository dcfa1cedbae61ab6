import type { DuckDBConnection } from '@duckdb/node-api';
import type { LayerFeature, LayerName } from '@atlas/model';
import { featuresFromColumns, selectList } from './feature-row.ts';

// A whole layer as one streamed query in id order, re-cut into batches of batchSize.
// One pass: keyset paging would rescan the table for every page, which adds up at
// province scale (a million stores). The connection is the caller's alone for the whole
// scan, and reads one consistent snapshot (one transaction).
//
// A table written in id order (a bulk load, a seed) is streamed as stored: DuckDB keeps
// insertion order for a query without ORDER BY, so first the ids alone are read and
// checked, and only a table out of order is sorted. Sorting a million rows with their
// properties and WKB made DuckDB hold ≈ 600 MB, and keep most of it after the scan;
// reading the ids costs a tenth of the scan and little memory.

/**
 * The order a scan yields rows in: `id`, or `stored` (the table's own order, never sorted)
 * for a caller that indexes every row whatever their order, such as the tile source.
 */
export type ScanOrder = 'id' | 'stored';

export function assertBatchSize(batchSize: number): void {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize ${batchSize}: expected a positive integer`);
  }
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

/**
 * a < b in DuckDB's VARCHAR order (UTF-8 bytes, i.e. code points). JS compares UTF-16
 * units, which differ from code points only for a surrogate against U+E000–U+FFFF.
 */
export function idBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y) && Math.max(x, y) >= 0xe000) return isSurrogate(y);
    return x < y;
  }
  return a.length < b.length;
}

/** Whether the layer's rows, as stored, are in strictly ascending id order. */
async function storedInIdOrder(c: DuckDBConnection, layer: LayerName): Promise<boolean> {
  const result = await c.stream(`SELECT id FROM ${layer}`);
  let previous: string | null = null;
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    if (chunk.rowCount === 0) break;
    const ids = chunk.getColumnVector(0);
    for (let i = 0; i < chunk.rowCount; i++) {
      const id = ids.getItem(i) as string;
      if (previous !== null && !idBefore(previous, id)) return false;
      previous = id;
    }
  }
  return true;
}

export async function* streamLayer<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  batchSize: number,
  scanOrder: ScanOrder,
): AsyncGenerator<LayerFeature<L>[]> {
  await c.run('BEGIN TRANSACTION'); // the id check and the rows read one snapshot
  try {
    const sorted = scanOrder === 'stored' || (await storedInIdOrder(c, layer));
    const order = sorted ? '' : ' ORDER BY id';
    const result = await c.stream(`SELECT ${selectList(layer)} FROM ${layer}${order}`);
    const names = result.columnNames();
    let batch: LayerFeature<L>[] = [];
    for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
      if (chunk.rowCount === 0) break;
      const rows = featuresFromColumns(layer, chunk.getColumnsObject(names), chunk.rowCount);
      batch = batch.concat(rows);
      while (batch.length >= batchSize) yield batch.splice(0, batchSize);
    }
    if (batch.length > 0) yield batch;
  } finally {
    await c.run('ROLLBACK'); // read only: nothing to keep
  }
}
