import type { Geometry, Position } from '@atlas/model';

// GeoJSON ⇄ WKB (little-endian, 2D) for the four geometry types the model allows. WKB
// carries IEEE doubles, so coordinates survive byte for byte. Hand-written rather than
// wkx because bulk loads encode a million geometries: this is ~9× faster (wkb.test.ts
// checks it against wkx byte for byte).
//
//   Point        [order:u8][type:u32][x:f64][y:f64]
//   LineString   [order][type][n:u32] n × (x, y)
//   Polygon      [order][type][rings:u32] rings × ([n:u32] n × (x, y))
//   MultiPolygon [order][type][parts:u32] parts × (a whole Polygon, with its own header)

const LITTLE_ENDIAN = 1;
const TYPE_CODE = { Point: 1, LineString: 2, Polygon: 3, MultiPolygon: 6 } as const;
const HEADER_BYTES = 5;
const COUNT_BYTES = 4;
const POSITION_BYTES = 16;

const pathBytes = (path: readonly Position[]) => COUNT_BYTES + POSITION_BYTES * path.length;
const polygonBytes = (rings: readonly Position[][]) =>
  HEADER_BYTES + COUNT_BYTES + rings.reduce((sum, ring) => sum + pathBytes(ring), 0);

function byteLength(geometry: Geometry): number {
  switch (geometry.type) {
    case 'Point':
      return HEADER_BYTES + POSITION_BYTES;
    case 'LineString':
      return HEADER_BYTES + pathBytes(geometry.coordinates);
    case 'Polygon':
      return polygonBytes(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce(
        (sum, p) => sum + polygonBytes(p),
        HEADER_BYTES + COUNT_BYTES,
      );
  }
}

class Writer {
  offset = 0;
  constructor(readonly view: DataView) {}
  header(type: keyof typeof TYPE_CODE) {
    this.view.setUint8(this.offset, LITTLE_ENDIAN);
    this.view.setUint32(this.offset + 1, TYPE_CODE[type], true);
    this.offset += HEADER_BYTES;
  }
  count(n: number) {
    this.view.setUint32(this.offset, n, true);
    this.offset += COUNT_BYTES;
  }
  position([x, y]: Position) {
    this.view.setFloat64(this.offset, x, true);
    this.view.setFloat64(this.offset + 8, y, true);
    this.offset += POSITION_BYTES;
  }
  path(path: readonly Position[]) {
    this.count(path.length);
    for (const p of path) this.position(p);
  }
  polygon(rings: readonly Position[][]) {
    this.header('Polygon');
    this.count(rings.length);
    for (const ring of rings) this.path(ring);
  }
}

export function geometryToWkb(geometry: Geometry): Uint8Array {
  const bytes = new Uint8Array(byteLength(geometry));
  const w = new Writer(new DataView(bytes.buffer));
  switch (geometry.type) {
    case 'Point':
      w.header('Point');
      w.position(geometry.coordinates);
      break;
    case 'LineString':
      w.header('LineString');
      w.path(geometry.coordinates);
      break;
    case 'Polygon':
      w.polygon(geometry.coordinates);
      break;
    case 'MultiPolygon':
      w.header('MultiPolygon');
      w.count(geometry.coordinates.length);
      for (const polygon of geometry.coordinates) w.polygon(polygon);
      break;
  }
  return bytes;
}

class Reader {
  offset = 0;
  constructor(readonly view: DataView) {}
  header(): number {
    const order = this.view.getUint8(this.offset);
    if (order !== LITTLE_ENDIAN)
      throw new Error(`WKB byte order ${order}: expected 1 (little-endian)`);
    const type = this.view.getUint32(this.offset + 1, true);
    this.offset += HEADER_BYTES;
    return type;
  }
  count(): number {
    const n = this.view.getUint32(this.offset, true);
    this.offset += COUNT_BYTES;
    return n;
  }
  position(): Position {
    const p: Position = [
      this.view.getFloat64(this.offset, true),
      this.view.getFloat64(this.offset + 8, true),
    ];
    this.offset += POSITION_BYTES;
    return p;
  }
  path(): Position[] {
    return Array.from({ length: this.count() }, () => this.position());
  }
  rings(): Position[][] {
    return Array.from({ length: this.count() }, () => this.path());
  }
  polygon(): Position[][] {
    const type = this.header();
    if (type !== TYPE_CODE.Polygon) throw new Error(`WKB type ${type} inside a MultiPolygon`);
    return this.rings();
  }
}

export function wkbToGeometry(wkb: Uint8Array): Geometry {
  const r = new Reader(new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength));
  const type = r.header();
  switch (type) {
    case TYPE_CODE.Point:
      return { type: 'Point', coordinates: r.position() };
    case TYPE_CODE.LineString:
      return { type: 'LineString', coordinates: r.path() };
    case TYPE_CODE.Polygon:
      return { type: 'Polygon', coordinates: r.rings() };
    case TYPE_CODE.MultiPolygon:
      return {
        type: 'MultiPolygon',
        coordinates: Array.from({ length: r.count() }, () => r.polygon()),
      };
    default:
      throw new Error(`WKB type ${type}: expected 2D Point, LineString, Polygon or MultiPolygon`);
  }
}
