import type { DuckDBConnection } from '@duckdb/node-api';
import type { LayerFeature, LayerName } from '@atlas/model';
import { featuresFromColumns, selectList } from './feature-row.ts';

// A whole layer as one streamed query in id order, re-cut into batches of batchSize.
// One sort and one pass: keyset paging would rescan the table for every page, which
// adds up at province scale (a million stores). The connection is the caller's alone
// for the whole scan, and reads one consistent snapshot.

export function assertBatchSize(batchSize: number): void {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize ${batchSize}: expected a positive integer`);
  }
}

export async function* streamLayer<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  batchSize: number,
): AsyncGenerator<LayerFeature<L>[]> {
  const result = await c.stream(`SELECT ${selectList(layer)} FROM ${layer} ORDER BY id`);
  const names = result.columnNames();
  let batch: LayerFeature<L>[] = [];
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    if (chunk.rowCount === 0) break;
    batch = batch.concat(featuresFromColumns(layer, chunk.getColumnsObject(names), chunk.rowCount));
    while (batch.length >= batchSize) yield batch.splice(0, batchSize);
  }
  if (batch.length > 0) yield batch;
}
