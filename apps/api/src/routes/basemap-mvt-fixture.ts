// Test support: encodes a tiny Mapbox Vector Tile (MVT 2.1) by hand, following the spec
// (github.com/mapbox/vector-tile-spec/tree/master/2.1), for basemap fixtures.
//
//   Tile { repeated Layer layers = 3 }
//   Layer { version = 15; name = 1; repeated Feature features = 2; keys = 3; values = 4;
//           extent = 5 }
//   Feature { tags = 2 (packed key/value index pairs); type = 3; geometry = 4 (packed) }
//
// Geometry is commands with zigzag deltas in tile units (0..extent, y down). A polygon's one
// ring is given open and clockwise on screen (positive area, as the spec asks of exteriors).

export const MVT_EXTENT = 4096;
const MVT_VERSION = 2;
const GEOMETRY_TYPE = { Point: 1, LineString: 2, Polygon: 3 } as const;
const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;
const WIRE = { varint: 0, fixed64: 1, bytes: 2 } as const;
const DOUBLE_BYTES = 8;

export interface MvtFeature {
  type: keyof typeof GEOMETRY_TYPE;
  /** Tile units, [x, y] from the top-left corner. */
  coords: [number, number][];
  properties: Record<string, string | number>;
}

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}
const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const tag = (field: number, wire: number, out: number[]) => varint((field << 3) | wire, out);

function field(n: number, body: number[] | Buffer, out: number[]): void {
  tag(n, WIRE.bytes, out);
  varint(body.length, out);
  for (const b of body) out.push(b);
}

function value(v: string | number): number[] {
  const out: number[] = [];
  if (typeof v === 'string') {
    field(1, Buffer.from(v, 'utf8'), out);
  } else {
    tag(3, WIRE.fixed64, out);
    const d = Buffer.alloc(DOUBLE_BYTES);
    d.writeDoubleLE(v);
    out.push(...d);
  }
  return out;
}

function geometry({ type, coords }: MvtFeature): number[] {
  const cmds: number[] = [];
  let [cx, cy] = [0, 0];
  coords.forEach(([x, y], i) => {
    if (i === 0) cmds.push((1 << 3) | MOVE_TO);
    if (i === 1) cmds.push(((coords.length - 1) << 3) | LINE_TO);
    cmds.push(zigzag(x - cx), zigzag(y - cy));
    [cx, cy] = [x, y];
  });
  if (type === 'Polygon') cmds.push((1 << 3) | CLOSE_PATH);
  return cmds;
}

function layer(name: string, features: MvtFeature[]): number[] {
  const keys: string[] = [];
  const values: (string | number)[] = [];
  const indexOf = <T>(list: T[], item: T) => {
    const at = list.indexOf(item);
    return at >= 0 ? at : list.push(item) - 1;
  };
  const out: number[] = [];
  tag(15, WIRE.varint, out);
  varint(MVT_VERSION, out);
  field(1, Buffer.from(name, 'utf8'), out);
  for (const f of features) {
    const tags = Object.entries(f.properties).flatMap(([k, v]) => [
      indexOf(keys, k),
      indexOf(values, v),
    ]);
    const body: number[] = [];
    const packed = (n: number, list: number[]) => {
      const bytes: number[] = [];
      for (const x of list) varint(x, bytes);
      field(n, bytes, body);
    };
    packed(2, tags);
    tag(3, WIRE.varint, body);
    varint(GEOMETRY_TYPE[f.type], body);
    packed(4, geometry(f));
    field(2, body, out);
  }
  for (const k of keys) field(3, Buffer.from(k, 'utf8'), out);
  for (const v of values) field(4, value(v), out);
  tag(5, WIRE.varint, out);
  varint(MVT_EXTENT, out);
  return out;
}

/** One MVT holding the given layers, uncompressed. */
export function mvtTile(layers: Record<string, MvtFeature[]>): Buffer {
  const out: number[] = [];
  for (const [name, features] of Object.entries(layers)) field(3, layer(name, features), out);
  return Buffer.from(out);
}
