import { PbfWriter } from 'pbf';
import type { PropValue, Props } from './records.ts';

// Encode: tile features → Mapbox Vector Tile 2.1 protobuf bytes, written with pbf.
// Geometry arrives in integer tile units; rings arrive closed (first = last) and are
// written with ClosePath, outer rings clockwise (positive area, y down), holes opposite.

export const MVT_VERSION = 2;

export type GeomType = 1 | 2 | 3; // Point, LineString, Polygon

export interface EncodedFeature {
  id: number;
  type: GeomType;
  /** Points: one part of all points. Lines: one part per line. Polygons: rings, closed. */
  parts: number[][];
  /** Polygons: per part, true for an outer ring. */
  outer?: boolean[];
  props: Props;
}

export interface EncodedLayer {
  name: string;
  extent: number;
  features: EncodedFeature[];
}

const CMD_MOVE_TO = 1;
const CMD_LINE_TO = 2;
const CMD_CLOSE_PATH = 7;

const command = (id: number, count: number) => (count << 3) | (id & 0x7);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** Twice the signed area by the surveyor's formula (positive = clockwise with y down). */
function ringArea2(ring: number[]): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  }
  return sum;
}

function reversed(ring: number[]): number[] {
  const out = new Array<number>(ring.length);
  for (let i = 0; i < ring.length; i += 2) {
    out[ring.length - 2 - i] = ring[i]!;
    out[ring.length - 1 - i] = ring[i + 1]!;
  }
  return out;
}

function geometryCommands(f: EncodedFeature): number[] {
  const out: number[] = [];
  let cx = 0;
  let cy = 0;
  const moveBy = (x: number, y: number) => {
    out.push(zigzag(x - cx), zigzag(y - cy));
    cx = x;
    cy = y;
  };
  f.parts.forEach((part, p) => {
    let ring = part;
    if (f.type === 3) {
      const wantClockwise = f.outer?.[p] ?? true;
      if (ringArea2(ring) > 0 !== wantClockwise) ring = reversed(ring);
    }
    // A ring's closing vertex is implied by ClosePath; a point part is all MoveTos.
    const count = (f.type === 3 ? ring.length - 2 : ring.length) / 2;
    if (f.type === 1) {
      out.push(command(CMD_MOVE_TO, count));
      for (let i = 0; i < ring.length; i += 2) moveBy(ring[i]!, ring[i + 1]!);
      return;
    }
    out.push(command(CMD_MOVE_TO, 1));
    moveBy(ring[0]!, ring[1]!);
    out.push(command(CMD_LINE_TO, count - 1));
    for (let i = 2; i < count * 2; i += 2) moveBy(ring[i]!, ring[i + 1]!);
    if (f.type === 3) out.push(command(CMD_CLOSE_PATH, 1));
  });
  return out;
}

function writeValue(value: PropValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value);
  else if (Number.isInteger(value)) {
    if (value < 0) pbf.writeSVarintField(6, value);
    else pbf.writeVarintField(5, value);
  } else pbf.writeDoubleField(3, value);
}

function writeLayer(layer: EncodedLayer, pbf: PbfWriter): void {
  pbf.writeVarintField(15, MVT_VERSION);
  pbf.writeStringField(1, layer.name);
  const keys = new Map<string, number>();
  const values = new Map<PropValue, number>();
  // Values keyed by type too: the string "1" and the number 1 are different values.
  const valueKey = (v: PropValue) => (typeof v === 'string' ? `s${v}` : v);
  const valueList: PropValue[] = [];
  for (const f of layer.features) {
    const tags: number[] = [];
    for (const key in f.props) {
      const value = f.props[key]!;
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      const vk = valueKey(value) as PropValue;
      let v = values.get(vk);
      if (v === undefined) {
        values.set(vk, (v = valueList.length));
        valueList.push(value);
      }
      tags.push(k, v);
    }
    pbf.writeMessage(2, writeFeature, { f, tags });
  }
  for (const key of keys.keys()) pbf.writeStringField(3, key);
  for (const value of valueList) pbf.writeMessage(4, writeValue, value);
  pbf.writeVarintField(5, layer.extent);
}

function writeFeature({ f, tags }: { f: EncodedFeature; tags: number[] }, pbf: PbfWriter) {
  pbf.writeVarintField(1, f.id);
  pbf.writePackedVarint(2, tags);
  pbf.writeVarintField(3, f.type);
  pbf.writePackedVarint(4, geometryCommands(f));
}

/** The tile's bytes; layers without features are left out. */
export function encodeTile(layers: readonly EncodedLayer[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) {
    if (layer.features.length > 0) pbf.writeMessage(3, writeLayer, layer);
  }
  return pbf.finish();
}
