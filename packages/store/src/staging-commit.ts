import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import { BULK_CHUNK_FEATURES, type ChangeFeed, type LayerChange } from './changes.ts';
import { featuresFromColumns, selectList } from './feature-row.ts';
import type { ImportStaging } from './staging.ts';
import { insertFromSql } from './upsert.ts';
import { refreshStoreSearch } from './store-search-keys.ts';

// A staged import into its layer, in ONE short transaction:
//   1. note the old extent of every stored row the file replaces, and (replace: true) of
//      every row from the same source that the file no longer has  → <staging>_gone
//   2. DELETE those rows;  3. INSERT … SELECT the added and updated rows from the staging.
// Any failure rolls all three back: the layer is as it was. Then the change feed is told,
// read back from the tables in chunks so that memory stays bounded.

export interface StagingCommit {
  /** Source label of the import: what replace removes is from this source. */
  source: string;
  /** Delete the source's stored features that the file no longer has. */
  replace: boolean;
}

export interface StagingCommitted {
  written: number;
  removed: number;
}

const WRITTEN = `action IN ('add', 'update')`;

async function count(c: DuckDBConnection, sql: string): Promise<number> {
  return Number((await c.runAndReadAll(sql)).getRowsJS()[0]?.[0] ?? 0);
}

export async function commitStaging<L extends LayerName>(
  staging: ImportStaging<L>,
  { source, replace }: StagingCommit,
  feed: ChangeFeed,
): Promise<StagingCommitted> {
  const { layer, table } = staging;
  const gone = `temp.${staging.name}_gone`;
  return staging.run(async (c) => {
    await c.run('BEGIN TRANSACTION');
    let done: StagingCommitted;
    try {
      await c.run(
        `CREATE TEMP TABLE ${staging.name}_gone AS
          SELECT id, xmin, ymin, xmax, ymax, id NOT IN (SELECT sid FROM ${table} WHERE ${WRITTEN}) AS removed
          FROM ${layer}
          WHERE id IN (SELECT sid FROM ${table} WHERE ${WRITTEN})
             OR ($1 AND source = $2 AND id NOT IN (SELECT sid FROM ${table}))`,
        [replace, source],
      );
      await c.run(`DELETE FROM ${layer} WHERE id IN (SELECT id FROM ${gone})`);
      await c.run(insertFromSql(layer, table, WRITTEN));
      const touched = `SELECT id FROM ${gone} UNION ALL SELECT sid FROM ${table} WHERE ${WRITTEN}`;
      await refreshStoreSearch(c, layer, touched);
      done = {
        written: await count(c, `SELECT count(*) FROM ${table} WHERE ${WRITTEN}`),
        removed: await count(c, `SELECT count(*) FROM ${gone} WHERE removed`),
      };
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK').catch(() => undefined); // a failed COMMIT has rolled back
      throw error;
    }
    try {
      if (done.written + done.removed > 0) await tell(c, layer, table, gone, done, feed);
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${gone}`);
    }
    return done;
  });
}

async function tell<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  table: string,
  gone: string,
  done: StagingCommitted,
  feed: ChangeFeed,
): Promise<void> {
  if (feed.wantsSummaries) {
    const reader = await c.runAndReadAll(
      `SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM (
         SELECT xmin, ymin, xmax, ymax FROM ${gone}
         UNION ALL SELECT xmin, ymin, xmax, ymax FROM ${table} WHERE ${WRITTEN})`,
    );
    const box = reader.getRowsJS()[0]!.map(Number) as Bbox;
    feed.emitSummary([{ layer, upserted: [], removed: [], bboxes: [box], bulk: done }]);
  }
  if (!feed.wantsFeatures) return;
  // Removed rows and the old extents of replaced ones, then the written features.
  const old = await c.stream(`SELECT id, xmin, ymin, xmax, ymax, removed FROM ${gone} ORDER BY id`);
  for (let chunk = await old.fetchChunk(); chunk && chunk.rowCount > 0;) {
    const rows = chunk.getRows();
    for (let i = 0; i < rows.length; i += BULK_CHUNK_FEATURES) {
      const part = rows.slice(i, i + BULK_CHUNK_FEATURES);
      feed.emitChunk([
        {
          layer,
          upserted: [],
          removed: part.filter((r) => r[5] === true).map((r) => String(r[0])),
          bboxes: part.map((r) => r.slice(1, 5).map(Number) as Bbox),
        },
      ]);
    }
    chunk = await old.fetchChunk();
  }
  const written = await c.stream(
    `SELECT ${selectList(layer)}, xmin, ymin, xmax, ymax FROM ${layer}
      WHERE id IN (SELECT sid FROM ${table} WHERE ${WRITTEN}) ORDER BY id`,
  );
  const names = written.columnNames();
  const pending: { features: LayerFeature<L>[]; bboxes: Bbox[] } = { features: [], bboxes: [] };
  const flush = (size: number) => {
    const upserted = pending.features.splice(0, size);
    const change: LayerChange<L> = {
      layer,
      upserted,
      removed: [],
      bboxes: pending.bboxes.splice(0, size),
    };
    feed.emitChunk([change as unknown as LayerChange]);
  };
  for (let chunk = await written.fetchChunk(); chunk && chunk.rowCount > 0;) {
    const columns = chunk.getColumnsObject(names);
    pending.features.push(...featuresFromColumns(layer, columns, chunk.rowCount));
    const [w, s, e, n] = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => columns[k]!);
    for (let i = 0; i < chunk.rowCount; i++)
      pending.bboxes.push([w![i], s![i], e![i], n![i]].map(Number) as Bbox);
    while (pending.features.length >= BULK_CHUNK_FEATURES) flush(BULK_CHUNK_FEATURES);
    chunk = await written.fetchChunk();
  }
  if (pending.features.length > 0) flush(pending.features.length);
}
