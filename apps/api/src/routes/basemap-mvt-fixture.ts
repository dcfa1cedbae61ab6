import { PbfWriter } from 'pbf';

// Test support: a tiny Mapbox Vector Tile (MVT 2.1) for basemap fixtures, written with `pbf`
// from the spec (github.com/mapbox/vector-tile-spec/tree/master/2.1):
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

export interface MvtFeature {
  type: keyof typeof GEOMETRY_TYPE;
  /** Tile units, [x, y] from the top-left corner. */
  coords: [number, number][];
  properties: Record<string, string | number>;
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);

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

function writeValue(v: string | number, pbf: PbfWriter): void {
  if (typeof v === 'string') pbf.writeStringField(1, v);
  else pbf.writeDoubleField(3, v);
}

function writeLayer([name, features]: [string, MvtFeature[]], pbf: PbfWriter): void {
  const keys: string[] = [];
  const values: (string | number)[] = [];
  const indexOf = <T>(list: T[], item: T) => {
    const at = list.indexOf(item);
    return at >= 0 ? at : list.push(item) - 1;
  };
  pbf.writeVarintField(15, MVT_VERSION);
  pbf.writeStringField(1, name);
  for (const f of features) {
    const tags = Object.entries(f.properties).flatMap(([k, v]) => [
      indexOf(keys, k),
      indexOf(values, v),
    ]);
    pbf.writeMessage(
      2,
      (feature: MvtFeature, p) => {
        p.writePackedVarint(2, tags);
        p.writeVarintField(3, GEOMETRY_TYPE[feature.type]);
        p.writePackedVarint(4, geometry(feature));
      },
      f,
    );
  }
  for (const k of keys) pbf.writeStringField(3, k);
  for (const v of values) pbf.writeMessage(4, writeValue, v);
  pbf.writeVarintField(5, MVT_EXTENT);
}

/** One MVT holding the given layers, uncompressed. */
export function mvtTile(layers: Record<string, MvtFeature[]>): Buffer {
  const pbf = new PbfWriter();
  for (const entry of Object.entries(layers)) pbf.writeMessage(3, writeLayer, entry);
  return Buffer.from(pbf.finish());
}
