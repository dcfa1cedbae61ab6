import { PbfWriter } from 'pbf';
import type { PropValue, Props } from './records.ts';

// Encode: tile features → Mapbox Vector Tile 2.1 protobuf bytes, written with pbf as they
// are produced (no feature objects in between). Geometry arrives in integer tile units;
// rings arrive closed (first = last) and are written with ClosePath, outer rings
// clockwise (positive area, y down), holes opposite. One writer is reused tile after
// tile, so its buffer and scratch arrays are allocated once.

export const MVT_VERSION = 2;

export type GeomType = 1 | 2 | 3; // Point, LineString, Polygon

const CMD_MOVE_TO = 1;
const CMD_LINE_TO = 2;
const CMD_CLOSE_PATH = 7;
/** Protobuf field numbers of the MVT schema. */
const TILE_LAYERS = 3;
const LAYER = { version: 15, name: 1, features: 2, keys: 3, values: 4, extent: 5 } as const;
const FEATURE = { id: 1, tags: 2, type: 3, geometry: 4 } as const;
const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;

const command = (id: number, count: number) => (count << 3) | (id & 0x7);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** Twice the signed area by the surveyor's formula (positive = clockwise with y down). */
function ringArea2(ring: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  }
  return sum;
}

function writeValue(value: PropValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE.string, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE.bool, value);
  else if (Number.isInteger(value)) {
    if (value < 0) pbf.writeSVarintField(VALUE.sint, value);
    else pbf.writeVarintField(VALUE.uint, value);
  } else pbf.writeDoubleField(VALUE.double, value);
}

/** Writes the features of one layer; keys and values are shared within the layer. */
export class LayerWriter {
  /** Features written so far in this layer. */
  count = 0;
  private readonly keys = new Map<string, number>();
  /** Values by type: the string "1" and the number 1 are different values. */
  private readonly strings = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  private readonly booleans = new Map<boolean, number>();
  private readonly valueList: PropValue[] = [];
  private readonly tags: number[] = [];
  private readonly geometry: number[] = [];

  constructor(private readonly pbf: PbfWriter) {}

  /** Start a feature's tags. */
  beginTags(): void {
    this.tags.length = 0;
  }

  tag(key: string, value: PropValue): void {
    let k = this.keys.get(key);
    if (k === undefined) this.keys.set(key, (k = this.keys.size));
    const table =
      typeof value === 'string'
        ? this.strings
        : typeof value === 'number'
          ? this.numbers
          : this.booleans;
    let v = (table as Map<PropValue, number>).get(value);
    if (v === undefined) {
      (table as Map<PropValue, number>).set(value, (v = this.valueList.length));
      this.valueList.push(value);
    }
    this.tags.push(k, v);
  }

  tagAll(props: Props): void {
    for (const key in props) this.tag(key, props[key]!);
  }

  /** A point feature at integer tile units (x, y), with the tags given since beginTags. */
  point(id: number, x: number, y: number): void {
    const g = this.geometry;
    g.length = 0;
    g.push(command(CMD_MOVE_TO, 1), zigzag(x), zigzag(y));
    this.feature(id, 1);
  }

  /**
   * A line (one part per line) or polygon (closed rings; outer[i] true for outer rings)
   * feature, with the tags given since beginTags.
   */
  shape(id: number, type: 2 | 3, parts: readonly number[][], outer: readonly boolean[]): void {
    const g = this.geometry;
    g.length = 0;
    let cx = 0;
    let cy = 0;
    for (let p = 0; p < parts.length; p++) {
      const ring = parts[p]!;
      // Polygons: walk the ring backwards when its winding is not the one wanted.
      const reverse = type === 3 && ringArea2(ring) > 0 !== (outer[p] ?? true);
      // A ring's closing vertex is implied by ClosePath.
      const count = (type === 3 ? ring.length - 2 : ring.length) / 2;
      const n = ring.length / 2;
      for (let i = 0; i < count; i++) {
        const v = reverse ? n - 1 - i : i;
        const x = ring[2 * v]!;
        const y = ring[2 * v + 1]!;
        if (i === 0) g.push(command(CMD_MOVE_TO, 1));
        else if (i === 1) g.push(command(CMD_LINE_TO, count - 1));
        g.push(zigzag(x - cx), zigzag(y - cy));
        cx = x;
        cy = y;
      }
      if (type === 3) g.push(command(CMD_CLOSE_PATH, 1));
    }
    this.feature(id, type);
  }

  private feature(id: number, type: GeomType): void {
    this.pbf.writeMessage(LAYER.features, writeFeature, { id, type, w: this });
    this.count++;
  }

  /** @internal Feature body, with the writer's current tags and geometry. */
  writeFeatureBody(id: number, type: GeomType, pbf: PbfWriter): void {
    pbf.writeVarintField(FEATURE.id, id);
    pbf.writePackedVarint(FEATURE.tags, this.tags);
    pbf.writeVarintField(FEATURE.type, type);
    pbf.writePackedVarint(FEATURE.geometry, this.geometry);
  }

  /** @internal Keys and values, after the features. */
  writeTables(): void {
    for (const key of this.keys.keys()) this.pbf.writeStringField(LAYER.keys, key);
    for (const value of this.valueList) this.pbf.writeMessage(LAYER.values, writeValue, value);
  }
}

function writeFeature(f: { id: number; type: GeomType; w: LayerWriter }, pbf: PbfWriter) {
  f.w.writeFeatureBody(f.id, f.type, pbf);
}

export interface LayerSource {
  name: string;
  extent: number;
  /** Write the layer's features; a layer that writes none is left out of the tile. */
  write(w: LayerWriter): void;
}

interface LayerJob {
  layer: LayerSource;
  written: number;
}

function writeLayer(job: LayerJob, pbf: PbfWriter): void {
  const { layer } = job;
  pbf.writeVarintField(LAYER.version, MVT_VERSION);
  pbf.writeStringField(LAYER.name, layer.name);
  const w = new LayerWriter(pbf);
  layer.write(w);
  w.writeTables();
  pbf.writeVarintField(LAYER.extent, layer.extent);
  job.written = w.count;
}

/** One writer for every tile: its buffer grows to the largest tile and stays. */
const shared = new PbfWriter();

/** The tile's bytes (a copy the caller owns), or null when no layer has a feature. */
export function encodeTile(layers: readonly LayerSource[]): Uint8Array | null {
  const pbf = shared;
  pbf.pos = 0;
  pbf.length = pbf.buf.length; // finish() shrank it; the buffer itself is still there
  for (const layer of layers) {
    const start = pbf.pos;
    const job: LayerJob = { layer, written: 0 };
    pbf.writeMessage(TILE_LAYERS, writeLayer, job);
    if (job.written === 0) pbf.pos = start; // take the empty layer back out
  }
  if (pbf.pos === 0) return null;
  return pbf.buf.slice(0, pbf.pos);
}
