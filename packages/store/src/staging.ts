import { randomUUID } from 'node:crypto';
import {
  DuckDBDataChunkWriter,
  listValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { LayerFeature, LayerName, Position } from '@atlas/model';
import { featureToRow } from './feature-row.ts';
import { Mutex } from './mutex.ts';
import { rowValues, stagingColumns } from './upsert.ts';

// A staged import: the rows of one file, parsed and settled batch by batch, appended to a
// table of their own on disk instead of held in memory. The importer asks it what earlier
// rows of the same file hold (places, ids, duplicates), and what stored features the file
// no longer has; staging-commit.ts then moves it into the layer in one short transaction.
//
//   file ──batches──▶ import_staging_<token> ──one transaction──▶ layer
//                          (auto-committed)      DELETE … / INSERT … SELECT
//
// The table is a TEMP table of the connection that stages (in a commit, the writer's):
// nothing of it reaches the database file, and a killed process leaves none behind. It is
// buffer-managed like any table: past the store's memory limit DuckDB spills it to its temp
// directory. (Measured on 250k rows: appending to a real table, each batch auto-committed,
// took ~1.8× as long, for its WAL writes and checkpoints.) Any real table named with
// STAGING_PREFIX is dropped at open (dropStaleStaging), so no staging can outlive a crash.

export const STAGING_PREFIX = 'import_staging_';

export type StagedAction = 'add' | 'update' | 'unchanged';

/** One identified row of the file. */
export interface StagedRecord<L extends LayerName = LayerName> {
  /** The row number the user sees. */
  row: number;
  id: string;
  /** null: the row has errors; it is kept so later rows can be checked against it. */
  action: StagedAction | null;
  /** How the id was found ('key', 'source id', 'name and place' …), for problems. */
  how: string;
  /** The layer key (学校标识码 …), when the row has one. */
  key: string | null;
  /** Name + place rows: the id before any _2 suffix, and what to match later rows by. */
  place: { baseId: string; name: string; position: Position } | null;
  /** The feature to write: for add and update only. */
  feature: LayerFeature<L> | null;
}

export interface StagedNear {
  /** Index into the points asked about. */
  index: number;
  id: string;
  row: number;
  position: Position;
}

export interface StagedDuplicate {
  row: number;
  id: string;
  key: string | null;
  how: string;
  /** The earlier row with the same key (when the key repeats), else with the same id. */
  firstRow: number;
  byKey: boolean;
}

export interface StagedDuplicates {
  /** The first `limit` duplicate rows, in row order. */
  rows: StagedDuplicate[];
  total: number;
  /** Duplicate rows by the action they were staged with. */
  byAction: Record<StagedAction, number>;
}

const IMPORT_COLUMNS = [
  'row INTEGER NOT NULL',
  'sid VARCHAR NOT NULL', // the id; `id` is the layer row's (NULL when no feature)
  'action VARCHAR',
  'how VARCHAR NOT NULL',
  'key VARCHAR',
  'base_id VARCHAR',
  'name VARCHAR',
  'px DOUBLE',
  'py DOUBLE',
];
const NO_ROW = 2 ** 31 - 1;

export async function dropStaleStaging(c: DuckDBConnection): Promise<string[]> {
  const reader = await c.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()
       AND schema_name = 'main' AND starts_with(table_name, $1)`,
    [STAGING_PREFIX],
  );
  const names = reader.getRowsJS().map((r) => String(r[0]));
  for (const name of names) await c.run(`DROP TABLE IF EXISTS main."${name}"`);
  return names;
}

export class ImportStaging<L extends LayerName = LayerName> {
  /** The table's own name, and the name queries use (in the temp catalog). */
  readonly name: string;
  readonly table: string;
  private readonly queue = new Mutex();
  private readonly blankFeature: DuckDBValue[];

  /** @internal use store.stageImport(). */
  constructor(
    readonly layer: L,
    private readonly c: DuckDBConnection,
  ) {
    this.name = `${STAGING_PREFIX}${randomUUID().replace(/-/g, '')}`;
    this.table = `temp.${this.name}`;
    this.blankFeature = stagingColumns(layer).map(() => null);
  }

  /** @internal */
  async create(): Promise<void> {
    const columns = [...IMPORT_COLUMNS, ...stagingColumns(this.layer)];
    await this.c.run(`CREATE TEMP TABLE ${this.name} (${columns.join(', ')})`);
  }

  /** @internal */
  async drop(): Promise<void> {
    await this.run((c) => c.run(`DROP TABLE IF EXISTS ${this.table}`));
  }

  /** Append rows (auto-committed: nothing in the layer changes). */
  append(records: readonly StagedRecord<L>[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    // Convert first: a feature the store cannot write throws before anything is appended.
    const values = records.map((r) => this.values(r));
    return this.run(async (c) => {
      const appender = await c.createAppender(this.name, 'main', 'temp');
      try {
        const writer = DuckDBDataChunkWriter.forAppender(appender);
        for (const row of values) writer.appendRow(row);
        writer.flush();
      } finally {
        appender.closeSync();
      }
    });
  }

  private values(r: StagedRecord<L>): DuckDBValue[] {
    const imported = [
      r.row,
      r.id,
      r.action,
      r.how,
      r.key,
      r.place?.baseId ?? null,
      r.place?.name ?? null,
      r.place?.position[0] ?? null,
      r.place?.position[1] ?? null,
    ];
    if (!r.feature) return [...imported, ...this.blankFeature];
    if (r.feature.id !== r.id) throw new Error(`staged row ${r.row}: feature id is not ${r.id}`);
    const row = featureToRow(this.layer, r.feature);
    return [...imported, ...rowValues(this.layer, row)];
  }

  /** Earlier name + place rows with the same name whose position is within [dLng, dLat]°. */
  nearByName(
    points: readonly { name: string; position: Position }[],
    [dLng, dLat]: readonly [number, number],
  ): Promise<StagedNear[]> {
    if (points.length === 0) return Promise.resolve([]);
    const sql = `WITH q AS (
        SELECT unnest($1::INTEGER[]) AS i, unnest($2::VARCHAR[]) AS name,
               unnest($3::DOUBLE[]) AS x, unnest($4::DOUBLE[]) AS y)
      SELECT q.i, s.sid, s.row, s.px, s.py FROM q JOIN ${this.table} s ON s.name = q.name
        AND s.px BETWEEN q.x - $5 AND q.x + $5 AND s.py BETWEEN q.y - $6 AND q.y + $6
      ORDER BY q.i, s.row`;
    return this.run(async (c) => {
      const reader = await c.runAndReadAll(sql, [
        listValue(points.map((_, i) => i)),
        listValue(points.map((p) => p.name)),
        listValue(points.map((p) => p.position[0])),
        listValue(points.map((p) => p.position[1])),
        dLng,
        dLat,
      ]);
      return reader.getRowsJS().map(([i, id, row, x, y]) => ({
        index: Number(i),
        id: String(id),
        row: Number(row),
        position: [Number(x), Number(y)] as Position,
      }));
    });
  }

  /** Ids already given to rows whose id is or started as one of `baseIds`. */
  idsWithBase(baseIds: readonly string[]): Promise<string[]> {
    if (baseIds.length === 0) return Promise.resolve([]);
    return this.run(async (c) => {
      const reader = await c.runAndReadAll(
        `SELECT DISTINCT sid FROM ${this.table}
          WHERE base_id IN (SELECT unnest($1::VARCHAR[])) OR sid IN (SELECT unnest($1::VARCHAR[]))`,
        [listValue([...baseIds])],
      );
      return reader.getRowsJS().map((r) => String(r[0]));
    });
  }

  /** Rows that repeat an earlier row's key or id: each is the same feature twice. */
  duplicates(limit: number): Promise<StagedDuplicates> {
    const dup = `WITH k AS (SELECT key, min(row) AS first FROM ${this.table}
          WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1),
        i AS (SELECT sid, min(row) AS first FROM ${this.table} GROUP BY sid HAVING count(*) > 1),
        d AS (SELECT s.row, s.sid, s.key, s.how, s.action, k.first AS key_first, i.first AS id_first
          FROM ${this.table} s LEFT JOIN k ON s.key = k.key LEFT JOIN i ON s.sid = i.sid
          WHERE s.row > coalesce(k.first, ${NO_ROW}) OR s.row > coalesce(i.first, ${NO_ROW}))`;
    return this.run(async (c) => {
      const counts = await c.runAndReadAll(`${dup} SELECT action, count(*) FROM d GROUP BY action`);
      const byAction: Record<StagedAction, number> = { add: 0, update: 0, unchanged: 0 };
      let total = 0;
      for (const [action, n] of counts.getRowsJS()) {
        total += Number(n);
        if (action !== null) byAction[action as StagedAction] = Number(n);
      }
      const rows = await c.runAndReadAll(
        `${dup} SELECT row, sid, key, how, key_first, id_first FROM d ORDER BY row LIMIT $1`,
        [limit],
      );
      return {
        total,
        byAction,
        rows: rows.getRowsJS().map(([row, id, key, how, keyFirst, idFirst]) => {
          const byKey = keyFirst !== null && Number(row) > Number(keyFirst);
          return {
            row: Number(row),
            id: String(id),
            key: key === null ? null : String(key),
            how: String(how),
            firstRow: Number(byKey ? keyFirst : idFirst),
            byKey,
          };
        }),
      };
    });
  }

  /** Stored features from `source` that no row of the file is: how many, and the first ids. */
  removedFromSource(source: string, limit: number): Promise<{ count: number; ids: string[] }> {
    const missing = `FROM ${this.layer} WHERE source = $1
      AND id NOT IN (SELECT sid FROM ${this.table})`;
    return this.run(async (c) => {
      const count = await c.runAndReadAll(`SELECT count(*) ${missing}`, [source]);
      const ids = await c.runAndReadAll(`SELECT id ${missing} ORDER BY id LIMIT $2`, [
        source,
        limit,
      ]);
      return {
        count: Number(count.getRowsJS()[0]?.[0] ?? 0),
        ids: ids.getRowsJS().map((r) => String(r[0])),
      };
    });
  }

  /** @internal run work on the staging connection, one at a time. */
  run<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.queue.run(() => work(this.c));
  }
}
