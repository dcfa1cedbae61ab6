import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { LayerFeature, LayerName, Position } from '@atlas/model';
import { featuresFromColumns, selectList } from './feature-row.ts';
import { propertyColumns } from './layer-columns.ts';

// Look-ups an importer needs to match incoming records to stored features: by id, by a
// key property (学校标识码, 许可证号 …), by name near a position, and by provenance source.
// Each takes a whole batch and runs one query: a query per record would be far too slow
// for a million-row register.

/** A property stored as a column is read from it; any other from the properties JSON. */
function propertySql(layer: LayerName, field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field)) {
    throw new Error(`field ${JSON.stringify(field)}: expected a property name`);
  }
  const column = propertyColumns(layer).find((p) => p.field === field);
  if (column) {
    if (column.kind !== 'text') throw new Error(`${layer}.${field}: expected a text property`);
    return column.column;
  }
  return `json_extract_string(properties, '$.${field}')`;
}

export async function selectByIds<L extends LayerName>(
  c: DuckDBConnection,
  layer: L,
  ids: readonly string[],
): Promise<LayerFeature<L>[]> {
  if (ids.length === 0) return [];
  const sql = `SELECT ${selectList(layer)} FROM ${layer} WHERE id IN (SELECT unnest($1::VARCHAR[]))`;
  const reader = await c.runAndReadAll(sql, [listValue([...ids])]);
  return featuresFromColumns(layer, reader.getColumnsObject(), reader.currentRowCount);
}

/** key value → stored id, for stored features whose `field` equals one of `values`. */
export async function selectIdsByKey(
  c: DuckDBConnection,
  layer: LayerName,
  field: string,
  values: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (values.length === 0) return found;
  const key = propertySql(layer, field);
  const sql = `SELECT ${key} AS k, min(id) AS id FROM ${layer}
    WHERE ${key} IN (SELECT unnest($1::VARCHAR[])) GROUP BY k`;
  const reader = await c.runAndReadAll(sql, [listValue([...values])]);
  for (const row of reader.getRowObjectsJS()) found.set(String(row.k), String(row.id));
  return found;
}

export interface NameNear {
  name: string;
  position: Position;
}

export interface NameNearMatch {
  /** Index into the points asked about. */
  index: number;
  id: string;
  /** Centre of the stored feature's bbox (the point itself for point layers). */
  position: Position;
}

/**
 * Stored features with the same `name` whose bbox centre lies within [dLng, dLat] degrees
 * of each point: candidates for the caller's exact distance check.
 */
export async function selectNearByName(
  c: DuckDBConnection,
  layer: LayerName,
  points: readonly NameNear[],
  [dLng, dLat]: readonly [number, number],
): Promise<NameNearMatch[]> {
  if (points.length === 0) return [];
  const name = propertySql(layer, 'name');
  const sql = `WITH q AS (
      SELECT unnest($1::INTEGER[]) AS i, unnest($2::VARCHAR[]) AS name,
             unnest($3::DOUBLE[]) AS x, unnest($4::DOUBLE[]) AS y)
    SELECT q.i AS i, t.id AS id, (t.xmin + t.xmax) / 2 AS x, (t.ymin + t.ymax) / 2 AS y
    FROM q JOIN ${layer} t ON ${name} = q.name
      AND (t.xmin + t.xmax) / 2 BETWEEN q.x - $5 AND q.x + $5
      AND (t.ymin + t.ymax) / 2 BETWEEN q.y - $6 AND q.y + $6
    ORDER BY q.i, t.id`;
  const reader = await c.runAndReadAll(sql, [
    listValue(points.map((_, i) => i)),
    listValue(points.map((p) => p.name)),
    listValue(points.map((p) => p.position[0])),
    listValue(points.map((p) => p.position[1])),
    dLng,
    dLat,
  ]);
  return reader.getRowObjectsJS().map((row) => ({
    index: Number(row.i),
    id: String(row.id),
    position: [Number(row.x), Number(row.y)],
  }));
}

/** Ids of the features whose provenance source is `source`, in id order. */
export async function selectIdsFromSource(
  c: DuckDBConnection,
  layer: LayerName,
  source: string,
): Promise<string[]> {
  propertyColumns(layer); // throws on an unknown layer
  const reader = await c.runAndReadAll(`SELECT id FROM ${layer} WHERE source = $1 ORDER BY id`, [
    source,
  ]);
  return reader.getRowsJS().map((row) => String(row[0]));
}
