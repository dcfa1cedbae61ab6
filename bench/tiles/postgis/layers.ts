import type { Geometry, LayerFeature, LayerName, Position } from '@atlas/model';

// The three reference layers as PostGIS tables: which atlas layer each reads, its columns
// (named as the MVT fields of our own tile layers, so tiles carry the same properties),
// and a feature's row as text for COPY … (FORMAT csv).

export interface PostgisLayer<L extends LayerName = LayerName> {
  /** Table and MVT layer name. */
  table: string;
  /** The atlas layer it is read from. */
  source: L;
  /** PostGIS geometry subtype of the table's geom column. */
  geometryType: 'Point' | 'Geometry';
  /** Text columns besides fid (MVT feature id) and geom, in COPY order. */
  columns: readonly string[];
  values(f: LayerFeature<L>): string[];
}

function layer<L extends LayerName>(spec: PostgisLayer<L>): PostgisLayer {
  return spec as unknown as PostgisLayer;
}

export const POSTGIS_LAYERS: readonly PostgisLayer[] = [
  layer({
    table: 'water',
    source: 'water',
    geometryType: 'Geometry',
    columns: ['id', 'name', 'kind'],
    values: (f) => [f.id, f.properties.name, f.properties.kind],
  }),
  layer({
    table: 'schools',
    source: 'schools',
    geometryType: 'Point',
    columns: ['id', 'name', 'type', 'adminCode'],
    values: (f) => [f.id, f.properties.name, f.properties.type, f.properties.adminCode],
  }),
  layer({
    table: 'stores',
    source: 'stores',
    geometryType: 'Point',
    columns: ['id', 'name', 'categories'],
    values: (f) => [f.id, f.properties.name, f.properties.categories.join(',')],
  }),
];

const pos = ([lng, lat]: Position) => `${lng} ${lat}`;
const ring = (r: readonly Position[]) => `(${r.map(pos).join(',')})`;
const rings = (rs: readonly (readonly Position[])[]) => `(${rs.map(ring).join(',')})`;

/** WGS84 geometry as EWKT, which PostGIS reads as geometry text input. */
export function toEwkt(g: Geometry): string {
  const body = (() => {
    switch (g.type) {
      case 'Point':
        return `POINT(${pos(g.coordinates)})`;
      case 'LineString':
        return `LINESTRING${ring(g.coordinates)}`;
      case 'Polygon':
        return `POLYGON${rings(g.coordinates)}`;
      case 'MultiPolygon':
        return `MULTIPOLYGON(${g.coordinates.map(rings).join(',')})`;
    }
  })();
  return `SRID=4326;${body}`;
}

const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** One CSV line: fid, the layer's columns, then the geometry. */
export function csvLine(spec: PostgisLayer, fid: number, f: LayerFeature<LayerName>): string {
  const fields = [String(fid), ...spec.values(f).map(csvField), csvField(toEwkt(f.geometry))];
  return `${fields.join(',')}\n`;
}
