import type { z } from 'zod';
import { LAYERS, type Bbox, type Geometry, type LayerName, type Position } from '@atlas/model';
import { fieldsOf } from './detect/columns.ts';
import { CHINA_BBOX_DEG, inBbox } from './detect/bounds.ts';
import { BUILDERS, LAYER_SPECS, type BuildContext, type Built } from './layers/index.ts';
import { parseCell } from './layers/parse.ts';
import type { Problems } from './problems.ts';
import type { SourceRecord } from './read/records.ts';
import { repairSelfIntersections } from './repair.ts';
import type { Reproject } from './reproject.ts';
import { shapeFor, type RawGeometry } from './shape.ts';

// Stage: one source record → a candidate feature (WGS84 geometry and the properties the
// source provides), or null with its problems recorded. Runs per record:
//   cells → typed values → geometry (x/y or the record's own) → reproject → repair →
//   bounds check → layer builder.
// A GeoJSON feature already in the atlas's own shape (an export) passes through whole.

export interface Candidate {
  row: number;
  geometry: Geometry;
  props: Record<string, unknown>;
  /** The id of a feature that came in the atlas's own shape. */
  ownId: string | null;
  key: string | null;
  sourceId: string | null;
  category?: Built['category'];
}

export interface RecordContext {
  layer: LayerName;
  /** field → source column. */
  columns: ReadonlyMap<string, string>;
  spatial: boolean;
  swapXY: boolean;
  reproject: Reproject;
  districtBbox: Bbox | null;
  build: BuildContext;
  problems: Problems;
}

function positionOf(values: ReadonlyMap<string, unknown>, swap: boolean): RawGeometry | string {
  const [x, y] = [values.get('x'), values.get('y')];
  if (x === null || x === undefined || y === null || y === undefined)
    return 'empty geometry: no coordinates in this row';
  const p: Position = swap ? [y as number, x as number] : [x as number, y as number];
  return { type: 'Point', coordinates: p };
}

function outside(g: RawGeometry, box: Bbox): Position | null {
  const positions: Position[] =
    g.type === 'Point'
      ? [g.coordinates]
      : g.type === 'LineString'
        ? g.coordinates
        : g.type === 'Polygon'
          ? g.coordinates.flat()
          : g.coordinates.flat(2);
  return positions.find((p) => !inBbox(p, box)) ?? null;
}

/** A feature whose properties already satisfy the layer's schema (bar provenance). */
function ownShape(layer: LayerName, record: SourceRecord): Record<string, unknown> | null {
  if (!record.sourceId) return null;
  const properties = LAYERS[layer].feature.shape
    .properties as unknown as z.ZodObject<z.ZodRawShape>;
  const schema = properties.omit({ provenance: true });
  const parsed = schema.safeParse(record.fields);
  return parsed.success ? (parsed.data as Record<string, unknown>) : null;
}

export function buildRecord(record: SourceRecord, ctx: RecordContext): Candidate | null {
  const { problems, columns, layer } = ctx;
  const where = (field: string) => columns.get(field) ?? field;
  if (record.error) {
    problems.error(record.row, null, record.error);
    return null;
  }
  let failed = false;
  const values = new Map<string, unknown>();
  for (const spec of fieldsOf(layer)) {
    const column = columns.get(spec.field);
    if (column === undefined) continue;
    const parsed = parseCell(spec.kind, record.fields[column]);
    if ('error' in parsed) {
      problems.error(record.row, column, parsed.error);
      failed = true;
    } else values.set(spec.field, parsed.value);
  }
  const raw = ctx.spatial ? shapeFor(LAYER_SPECS[layer].geometry, record.geometry) : null;
  let geometry: RawGeometry;
  if (raw && 'error' in raw) {
    problems.error(record.row, 'geometry', raw.error);
    return null;
  } else if (raw) {
    geometry = raw.geometry;
    raw.warnings.forEach((w) => problems.warn(record.row, 'geometry', w));
  } else {
    if (failed && (!values.has('x') || !values.has('y'))) return null;
    const point = positionOf(values, ctx.swapXY);
    if (typeof point === 'string') {
      problems.error(record.row, `${where('x')}/${where('y')}`, point);
      return null;
    }
    geometry = point;
  }
  const converted = ctx.reproject(geometry);
  if ('error' in converted) {
    problems.error(record.row, 'geometry', converted.error);
    return null;
  }
  const repaired = repairSelfIntersections(converted);
  if ('error' in repaired) {
    problems.error(record.row, 'geometry', repaired.error);
    return null;
  }
  if (repaired.repair) problems.warn(record.row, 'geometry', repaired.repair);
  const far = outside(repaired.geometry, CHINA_BBOX_DEG);
  if (far) {
    problems.error(
      record.row,
      'geometry',
      `position ${far.join(', ')} (WGS84, after conversion) is outside China: wrong CRS or swapped coordinates?`,
    );
    return null;
  }
  const beyond = ctx.districtBbox ? outside(repaired.geometry, ctx.districtBbox) : null;
  if (beyond)
    problems.warn(
      record.row,
      'geometry',
      `position ${beyond.join(', ')} is outside the district's bounds`,
    );

  const own = ownShape(layer, record);
  if (own)
    return {
      row: record.row,
      geometry: repaired.geometry as Geometry,
      props: own,
      ownId: record.sourceId!,
      key: null,
      sourceId: null,
    };
  if (failed) return null;
  const built = BUILDERS[layer].build(values, ctx.build);
  for (const p of built.problems) problems.add(record.row, where(p.field), p.reason, p.severity);
  if (built.problems.some((p) => p.severity === 'error')) return null;
  const keyField = LAYER_SPECS[layer].key;
  const key = keyField ? ((built.props[keyField] as string | null | undefined) ?? null) : null;
  const sourceId = (values.get('sourceId') as string | null | undefined) ?? record.sourceId ?? null;
  return {
    row: record.row,
    geometry: repaired.geometry as Geometry,
    props: built.props,
    ownId: null,
    key,
    sourceId,
    ...(built.category ? { category: built.category } : {}),
  };
}
