import { DuckDBBlobValue, DuckDBListValue, type DuckDBValue } from '@duckdb/node-api';
import type { Bbox, Geometry, LayerFeature, LayerName, Provenance } from '@atlas/model';
import { bboxOf } from './bbox.ts';
import { propertyColumns } from './layer-columns.ts';
import { geometryToWkb, wkbToGeometry } from './wkb.ts';

// A feature ⇄ one table row. Provenance and the property columns (layer-columns.ts) get
// their own columns; everything else goes to the `properties` JSON.

export type ColumnValue = string | readonly string[] | Uint8Array | null;

export interface LayerRow {
  id: string;
  wkb: Uint8Array;
  bbox: Bbox;
  properties: string;
  source: string;
  importedAt: string;
  originalCrs: string;
  /** One value per property column, in PROPERTY_COLUMNS order. */
  columns: ColumnValue[];
}

export function featureToRow<L extends LayerName>(layer: L, feature: LayerFeature<L>): LayerRow {
  if (feature?.type !== 'Feature' || typeof feature.id !== 'string' || !feature.geometry) {
    throw new TypeError(`${layer}: expected a GeoJSON Feature with a string id and a geometry`);
  }
  const { provenance, ...properties } = feature.properties as Record<string, unknown> & {
    provenance: Provenance;
  };
  const geometries: (Geometry | null)[] = [feature.geometry];
  const columns = propertyColumns(layer).map(({ field, kind }): ColumnValue => {
    const value = properties[field];
    delete properties[field];
    if (value === null || value === undefined) return null;
    if (kind === 'geometry') {
      geometries.push(value as Geometry);
      return geometryToWkb(value as Geometry);
    }
    return value as string | string[];
  });
  return {
    id: feature.id,
    wkb: geometryToWkb(feature.geometry),
    // Never null: feature.geometry always has positions.
    bbox: bboxOf(geometries)!,
    properties: JSON.stringify(properties),
    source: provenance.source,
    importedAt: provenance.importedAt,
    originalCrs: provenance.originalCrs,
    columns,
  };
}

/** The SELECT list featuresFromColumns reads, geometries as WKB. */
export function selectList(layer: LayerName): string {
  const extra = propertyColumns(layer).map(({ column, kind }) =>
    kind === 'geometry' ? `ST_AsWKB(${column}) AS ${column}` : column,
  );
  return ['id', 'ST_AsWKB(geom) AS geom', 'properties', 'source', 'imported_at', 'original_crs']
    .concat(extra)
    .join(', ');
}

/** Raw DuckDB values → plain JS: BLOB/GEOMETRY → bytes, LIST → array, text as is. */
function plain(value: DuckDBValue | undefined): unknown {
  if (value instanceof DuckDBBlobValue) return value.bytes;
  if (value instanceof DuckDBListValue) return value.items;
  return value ?? null;
}

function text(value: unknown, column: string): string {
  if (typeof value !== 'string') throw new TypeError(`column ${column}: expected text`);
  return value;
}

function bytes(value: unknown, column: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`column ${column}: expected WKB`);
  return value;
}

/**
 * Rebuild features from the columns of rows selected with selectList (a result or one
 * streamed chunk). Reads raw column values: the library's generic JS conversion
 * (getRowObjectsJS) measured ~10× slower.
 */
export function featuresFromColumns<L extends LayerName>(
  layer: L,
  columns: Record<string, DuckDBValue[]>,
  rowCount: number,
): LayerFeature<L>[] {
  if (rowCount === 0) return [];
  const column = (name: string) => {
    const values = columns[name];
    if (!values) throw new Error(`column ${name} missing: select with selectList()`);
    return values;
  };
  const [ids, geoms, props, sources, importedAts, crss] = [
    'id',
    'geom',
    'properties',
    'source',
    'imported_at',
    'original_crs',
  ].map(column) as DuckDBValue[][];
  const extra = propertyColumns(layer).map((p) => ({ ...p, values: column(p.column) }));
  return ids!.map((id, i) => {
    const properties = JSON.parse(text(props![i], 'properties')) as Record<string, unknown>;
    for (const { column: name, field, kind, values } of extra) {
      const value = plain(values[i]);
      properties[field] =
        kind === 'geometry' && value !== null ? wkbToGeometry(bytes(value, name)) : value;
    }
    properties.provenance = {
      source: text(sources![i], 'source'),
      importedAt: text(importedAts![i], 'imported_at'),
      originalCrs: text(crss![i], 'original_crs'),
    };
    return {
      type: 'Feature',
      id: text(id, 'id'),
      geometry: wkbToGeometry(bytes(plain(geoms![i]), 'geom')),
      properties,
    } as LayerFeature<L>;
  });
}
