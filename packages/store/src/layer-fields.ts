import { DuckDBBlobValue, DuckDBListValue, type DuckDBValue } from '@duckdb/node-api';
import { LAYERS, Point } from '@atlas/model';
import type { LayerFeature, LayerName, Position } from '@atlas/model';
import { propertyColumns } from './layer-columns.ts';
import { wkbToGeometry } from './wkb.ts';

// A layer's features with only the properties asked for: what a list needs (a name, an
// address) without campus outlines, gates or the rest of the JSON. Each property is read in
// SQL from its own column or from the JSON by path, so the rest is never sent or parsed.
//
// The geometry is always reduced to one Point, enough to place a row on a sketch map:
// the feature's own point on point layers (schools, stores, hazards), otherwise the centre
// of its bounding box (which may fall outside a bent river or an L-shaped area).

/** A property name of a layer's features (provenance included). */
export type LayerField<L extends LayerName> = keyof LayerFeature<L>['properties'] & string;

export interface FieldFeature<L extends LayerName, F extends LayerField<L> = LayerField<L>> {
  type: 'Feature';
  id: string;
  geometry: Point;
  properties: Pick<LayerFeature<L>['properties'], F>;
}

/** Property names are interpolated into SQL paths: only plain identifiers ever are. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const PROVENANCE_FIELD = 'provenance';

/** Every property a layer's features have, in the model's order. */
export function layerFields<L extends LayerName>(layer: L): readonly LayerField<L>[] {
  const spec = LAYERS[layer] as (typeof LAYERS)[LayerName] | undefined;
  if (!spec) throw new Error(`unknown layer ${JSON.stringify(layer)}: expected a LayerName`);
  return Object.keys(spec.feature.shape.properties.shape) as LayerField<L>[];
}

/** Throws at once unless `fields` is a non-empty list of the layer's properties. */
export function assertFields(layer: LayerName, fields: readonly string[]): void {
  const known = layerFields(layer) as readonly string[];
  const unknown = fields.filter((f) => !known.includes(f) || !IDENTIFIER.test(f));
  if (fields.length === 0 || unknown.length > 0) {
    throw new RangeError(
      `fields ${JSON.stringify(fields)}: expected some of ${known.join(', ')} (layer ${layer})`,
    );
  }
}

const isPointLayer = (layer: LayerName) => (LAYERS[layer].geometry as unknown) === Point;
const alias = (field: string) => `f_${field}`;

/** The SELECT list fieldFeaturesFromColumns reads: id, the point, one column per field. */
export function fieldSelectList(layer: LayerName, fields: readonly string[]): string {
  assertFields(layer, fields);
  const point = isPointLayer(layer)
    ? 'ST_AsWKB(geom) AS geom'
    : '(xmin + xmax) / 2 AS lng, (ymin + ymax) / 2 AS lat';
  const columns = propertyColumns(layer);
  const selected = fields.map((field) => {
    if (field === PROVENANCE_FIELD) return 'source, imported_at, original_crs';
    const own = columns.find((c) => c.field === field);
    if (!own) return `properties->'$.${field}' AS ${alias(field)}`;
    return own.kind === 'geometry'
      ? `ST_AsWKB(${own.column}) AS ${alias(field)}`
      : `${own.column} AS ${alias(field)}`;
  });
  return ['id', point, ...selected].join(', ');
}

function plain(value: DuckDBValue | undefined): unknown {
  if (value instanceof DuckDBBlobValue) return value.bytes;
  if (value instanceof DuckDBListValue) return value.items;
  return value ?? null;
}

/** Each row's point: decoded from WKB on point layers, else the bbox centre columns. */
function positionReader(
  layer: LayerName,
  column: (name: string) => DuckDBValue[],
): (i: number) => Position {
  if (isPointLayer(layer)) {
    const geoms = column('geom');
    return (i) => {
      const geometry = wkbToGeometry(plain(geoms[i]) as Uint8Array);
      if (geometry.type !== 'Point') throw new TypeError(`${layer}: expected Point geometry`);
      return geometry.coordinates;
    };
  }
  const [lngs, lats] = [column('lng'), column('lat')];
  return (i) => [lngs[i] as number, lats[i] as number];
}

/** Rebuild reduced features from the columns of rows selected with fieldSelectList. */
export function fieldFeaturesFromColumns<L extends LayerName, F extends LayerField<L>>(
  layer: L,
  fields: readonly F[],
  columns: Record<string, DuckDBValue[]>,
  rowCount: number,
): FieldFeature<L, F>[] {
  const column = (name: string) => {
    const values = columns[name];
    if (!values) throw new Error(`column ${name} missing: select with fieldSelectList()`);
    return values;
  };
  const own = propertyColumns(layer);
  const readers = fields.map((field): ((i: number) => unknown) => {
    if (field === PROVENANCE_FIELD) {
      const [s, at, crs] = ['source', 'imported_at', 'original_crs'].map(column);
      return (i) => ({
        source: plain(s![i]),
        importedAt: plain(at![i]),
        originalCrs: plain(crs![i]),
      });
    }
    const values = column(alias(field));
    const kind = own.find((c) => c.field === field)?.kind;
    if (kind === 'geometry') {
      return (i) => {
        const wkb = plain(values[i]);
        return wkb instanceof Uint8Array ? wkbToGeometry(wkb) : null;
      };
    }
    if (kind) return (i) => plain(values[i]);
    // JSON text of one property; SQL NULL when the key is absent.
    return (i) => {
      const json = plain(values[i]);
      return typeof json === 'string' ? JSON.parse(json) : null;
    };
  });
  const ids = column('id');
  const position = positionReader(layer, column);
  return Array.from({ length: rowCount }, (_, i) => ({
    type: 'Feature' as const,
    id: String(ids[i]),
    geometry: { type: 'Point' as const, coordinates: position(i) },
    properties: Object.fromEntries(fields.map((f, k) => [f, readers[k]!(i)])) as Pick<
      LayerFeature<L>['properties'],
      F
    >,
  }));
}
