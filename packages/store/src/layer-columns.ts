import type { LayerFeature, LayerName } from '@atlas/model';

// Properties kept as real columns beside the `properties` JSON, so the API and the audit
// can filter on them in SQL. A property stored here is left out of the JSON and put back
// on read. Only required properties belong here (a NULL column reads back as `null`).
// These must match the tables made by migrations.ts; columns.test.ts holds that line.

export type ColumnKind =
  | 'text' // VARCHAR
  | 'text_list' // VARCHAR[]
  | 'geometry'; // GEOMETRY, a secondary geometry: the row's bbox covers it too

export interface PropertyColumn<L extends LayerName = LayerName> {
  column: string;
  field: keyof LayerFeature<L>['properties'] & string;
  kind: ColumnKind;
}

type PropertyColumns = { [L in LayerName]: readonly PropertyColumn<L>[] };

export const PROPERTY_COLUMNS: PropertyColumns = {
  admin_areas: [
    { column: 'code', field: 'code', kind: 'text' },
    { column: 'level', field: 'level', kind: 'text' },
    { column: 'parent_code', field: 'parentCode', kind: 'text' },
  ],
  water: [
    { column: 'kind', field: 'kind', kind: 'text' },
    { column: 'admin_code', field: 'adminCode', kind: 'text' },
  ],
  roads: [{ column: 'class', field: 'class', kind: 'text' }],
  pipelines: [{ column: 'kind', field: 'kind', kind: 'text' }],
  routes: [{ column: 'school_codes', field: 'schoolCodes', kind: 'text_list' }],
  hazards: [
    { column: 'code', field: 'code', kind: 'text' },
    { column: 'type', field: 'type', kind: 'text' },
    { column: 'status', field: 'status', kind: 'text' },
    { column: 'admin_code', field: 'adminCode', kind: 'text' },
    { column: 'threat_zone', field: 'threatZone', kind: 'geometry' },
  ],
  schools: [
    { column: 'code', field: 'code', kind: 'text' },
    { column: 'type', field: 'type', kind: 'text' },
    { column: 'admin_code', field: 'adminCode', kind: 'text' },
    { column: 'campus', field: 'campus', kind: 'geometry' },
  ],
  stores: [
    { column: 'categories', field: 'categories', kind: 'text_list' },
    { column: 'admin_code', field: 'adminCode', kind: 'text' },
  ],
};

/** Columns every layer table has, in table order, before its property columns. */
export const COMMON_COLUMNS = [
  'id',
  'geom',
  'xmin',
  'ymin',
  'xmax',
  'ymax',
  'properties',
  'source',
  'imported_at',
  'original_crs',
] as const;

export function propertyColumns(layer: LayerName): readonly PropertyColumn[] {
  const columns = PROPERTY_COLUMNS[layer] as readonly PropertyColumn[] | undefined;
  if (!columns) throw new Error(`unknown layer ${JSON.stringify(layer)}: expected a LayerName`);
  return columns;
}
