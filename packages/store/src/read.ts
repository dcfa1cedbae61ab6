import { listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import { LAYER_NAMES } from '@atlas/model';
import { assertBbox } from './bbox.ts';
import { featuresFromColumns, selectList } from './feature-row.ts';
import { fieldFeaturesFromColumns, fieldSelectList } from './layer-fields.ts';
import type { FieldFeature, LayerField } from './layer-fields.ts';
import { pageOrder, SORT_KEY_COLUMN } from './layer-order.ts';
import type { LayerSort, PageOrder } from './layer-order.ts';
import { propertyColumns } from './layer-columns.ts';

// Reads and deletes. Bbox filters use only the xmin/ymin/xmax/ymax columns: plain doubles
// that DuckDB prunes by row-group min/max, never decoding a geometry to select a row.

export interface LayerQuery {
  bbox?: Bbox;
  limit: number;
  /** The nextCursor of the previous page, read in the same sort. */
  cursor?: string | null;
  /** 'id' (the default) or 'name' in pinyin order, ties by id (layer-order.ts). */
  sort?: LayerSort;
}

export interface LayerPage<L extends LayerName> {
  features: LayerFeature<L>[];
  nextCursor: string | null;
}

export interface FieldPage<L extends LayerName, F extends LayerField<L>> {
  features: FieldFeature<L, F>[];
  nextCursor: string | null;
}

export interface LayerStats {
  layer: LayerName;
  count: number;
  bounds: Bbox | null;
}

async function features<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  sql: string,
  values: DuckDBValue[],
): Promise<LayerFeature<L>[]> {
  const reader = await c.runAndReadAll(sql, values);
  return featuresFromColumns(layer, reader.getColumnsObject(), reader.currentRowCount);
}

async function rows(c: DuckDBConnection, sql: string) {
  return (await c.runAndReadAll(sql)).getRowObjectsJS();
}

export async function selectOne<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  id: string,
): Promise<LayerFeature<L> | null> {
  const sql = `SELECT ${selectList(layer)} FROM ${layer} WHERE id = $1`;
  return (await features(c, layer, sql, [id]))[0] ?? null;
}

/** The WHERE, ORDER BY and LIMIT of a page, with its parameters (see layer-order.ts). */
function pageClauses(query: LayerQuery, order: PageOrder) {
  const { bbox, limit, cursor } = query;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit ${limit}: expected a positive integer`);
  }
  const where: string[] = [];
  const values: DuckDBValue[] = [];
  if (cursor !== undefined && cursor !== null) where.push(order.after(cursor, values));
  if (bbox) {
    assertBbox(bbox);
    const [west, south, east, north] = bbox;
    values.push(west, south, east, north);
    const n = values.length;
    where.push(`xmax >= $${n - 3} AND ymax >= $${n - 2} AND xmin <= $${n - 1} AND ymin <= $${n}`);
  }
  values.push(limit + 1); // one extra row tells whether another page follows
  const sql = `${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order.orderBy} LIMIT $${values.length}`;
  return { sql, values };
}

/** Runs one page's SELECT and cuts it to `limit`, with the cursor of the row after. */
async function readPage<T extends { id: string }>(
  c: DuckDBConnection,
  layer: LayerName,
  query: LayerQuery,
  selectList: string,
  decode: (columns: Record<string, DuckDBValue[]>, rowCount: number) => T[],
): Promise<{ features: T[]; nextCursor: string | null }> {
  const order = pageOrder(query.sort);
  const { sql, values } = pageClauses(query, order);
  const reader = await c.runAndReadAll(
    `SELECT ${selectList}${order.keySelect} FROM ${layer} ${sql}`,
    values,
  );
  const columns = reader.getColumnsObject();
  const found = decode(columns, reader.currentRowCount);
  const { limit } = query;
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  if (found.length <= limit || !last) return { features: page, nextCursor: null };
  return {
    features: page,
    nextCursor: order.cursorOf(last.id, columns[SORT_KEY_COLUMN]?.[limit - 1]),
  };
}

/** One page of whole features, in the query's order (id unless said). */
export function selectPage<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  query: LayerQuery,
): Promise<LayerPage<L>> {
  return readPage(c, layer, query, selectList(layer), (columns, n) =>
    featuresFromColumns(layer, columns, n),
  );
}

/** One page of features reduced to some properties and a point (layer-fields.ts). */
export function selectFieldPage<L extends LayerName, F extends LayerField<L>>(
  c: DuckDBConnection,
  layer: L,
  fields: readonly F[],
  query: LayerQuery,
): Promise<FieldPage<L, F>> {
  return readPage(c, layer, query, fieldSelectList(layer, fields), (columns, n) =>
    fieldFeaturesFromColumns(layer, fields, columns, n),
  );
}

/** Delete by id; when deleted is given, each deleted row's id and bbox are pushed onto it. */
export async function deleteIds(
  c: DuckDBConnection,
  layer: LayerName,
  ids: readonly string[],
  deleted?: { id: string; bbox: Bbox }[],
): Promise<number> {
  propertyColumns(layer); // throws on an unknown layer
  if (ids.length === 0) return 0;
  // A semi-join on the unnested list: list_contains per row would be rows × ids.
  const sql = `DELETE FROM ${layer} WHERE id IN (SELECT unnest($1::VARCHAR[]))`;
  if (deleted) {
    const reader = await c.runAndReadAll(`${sql} RETURNING id, xmin, ymin, xmax, ymax`, [
      listValue([...ids]),
    ]);
    for (const [id, ...bbox] of reader.getRowsJS()) {
      deleted.push({ id: id as string, bbox: bbox as Bbox });
    }
    return reader.currentRowCount;
  }
  const result = await c.run(sql, [listValue([...ids])]);
  return result.rowsChanged;
}

export async function layerStats(c: DuckDBConnection): Promise<LayerStats[]> {
  const sql = LAYER_NAMES.map(
    (layer, order) =>
      `SELECT ${order} AS ord, '${layer}' AS layer, count(*) AS n,
         min(xmin) AS w, min(ymin) AS s, max(xmax) AS e, max(ymax) AS nn FROM ${layer}`,
  ).join(' UNION ALL ');
  const found = await rows(c, `${sql} ORDER BY ord`);
  return found.map((row) => ({
    layer: row.layer as LayerName,
    count: Number(row.n),
    bounds:
      row.w === null ? null : ([row.w, row.s, row.e, row.nn] as [number, number, number, number]),
  }));
}
