import { PbfWriter } from 'pbf';
import type { PropValue, Props } from './records.ts';
import { ringArea2, type TileParts } from './tile-parts.ts';
import type { ValueDictionary } from './value-dictionary.ts';

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
export const LAYER = { version: 15, name: 1, features: 2, keys: 3, values: 4, extent: 5 } as const;
const FEATURE = { id: 1, tags: 2, type: 3, geometry: 4 } as const;
export const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;

const command = (id: number, count: number) => (count << 3) | (id & 0x7);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

export function writeValue(value: PropValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE.string, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE.bool, value);
  else if (Number.isInteger(value)) {
    if (value < 0) pbf.writeSVarintField(VALUE.sint, value);
    else pbf.writeVarintField(VALUE.uint, value);
  } else pbf.writeDoubleField(VALUE.double, value);
}

/** Bytes of the varint of a non-negative integer (up to 2^53). */
export function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  // Feature ids are 53-bit hashes (@atlas/model featureId): compare, never divide.
  if (n < 2 ** 35) return 5;
  if (n < 2 ** 42) return 6;
  if (n < 2 ** 49) return 7;
  return 8; // below 2^56
}

/** Write the varint of a non-negative integer (up to 2^53) at pos; returns the next pos. */
export function putVarint(buf: Uint8Array, pos: number, n: number): number {
  if (n <= 0xffffffff) {
    let v = n >>> 0;
    while (v >= 0x80) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    return pos;
  }
  // Wider (every feature id): the low and high 32-bit words, in integer arithmetic (float
  // % and / per byte cost ≈ 10 % of cutting a dense tile).
  let low = n >>> 0;
  let high = (n - low) / 0x100000000;
  for (let i = 0; i < 4; i++) {
    buf[pos++] = (low & 0x7f) | 0x80;
    low >>>= 7;
  }
  // Bits 28–34: the low word's last 4 and the high word's first 3.
  const middle = low | ((high & 0x7) << 4);
  high >>>= 3;
  if (high === 0) {
    buf[pos++] = middle;
    return pos;
  }
  buf[pos++] = middle | 0x80;
  while (high >= 0x80) {
    buf[pos++] = (high & 0x7f) | 0x80;
    high >>>= 7;
  }
  buf[pos++] = high;
  return pos;
}

/** Bytes of values[0 … count) as packed varints. */
function packedSize(values: readonly number[], count: number): number {
  let size = 0;
  for (let i = 0; i < count; i++) size += varintSize(values[i]!);
  return size;
}

function putPacked(buf: Uint8Array, pos: number, values: readonly number[], count: number): number {
  for (let i = 0; i < count; i++) pos = putVarint(buf, pos, values[i]!);
  return pos;
}

/** Field key byte: (field number << 3) | wire type. */
const LEN_WIRE = 2;
const key = (field: number, wire: number) => (field << 3) | wire;
const FEATURE_KEY = key(LAYER.features, LEN_WIRE);
const ID_KEY = key(FEATURE.id, 0);
const TAGS_KEY = key(FEATURE.tags, LEN_WIRE);
const TYPE_KEY = key(FEATURE.type, 0);
const GEOMETRY_KEY = key(FEATURE.geometry, LEN_WIRE);
/** A varint of up to 53 bits, and a few key bytes, at most. */
const FEATURE_SLACK_BYTES = 32;
/** Layer writers made so far: each stamps dictionary codes with its own number (≥ 1). */
let writersMade = 0;

/**
 * Writes the features of one layer; keys and values are shared within the layer. Values
 * come either as JS values (de-duplicated) or as bytes encoded once at load
 * (value-bytes.ts), copied as they are: a field whose every feature has its own value
 * (id) gains nothing from a lookup; or as codes of an interned dictionary
 * (value-dictionary.ts), each code written once per layer.
 */
export class LayerWriter {
  /** Features written so far in this layer. */
  count = 0;
  /** This writer's stamp in dictionaries (a float: it never wraps). */
  readonly stampId = ++writersMade;
  /**
   * The tags of the feature being written: key index, value index, … in tags[0 … tagCount).
   * Scratch arrays are refilled by index, never emptied with `length = 0`: V8 then drops
   * their storage and the next push allocates anew (≈ 1.4 MB of garbage per dense z14 tile).
   */
  private readonly tags: number[] = [];
  private tagCount = 0;
  private readonly keys = new Map<string, number>();
  /** Values by type: the string "1" and the number 1 are different values. */
  private readonly strings = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  private readonly booleans = new Map<boolean, number>();
  /** Per value: a JS value, or (null and) the arena holding its bytes valueStart … valueEnd. */
  private readonly valueList: (PropValue | null)[] = [];
  private readonly valueArena: (Uint8Array | null)[] = [];
  private readonly valueStart: number[] = [];
  private readonly valueEnd: number[] = [];
  /** Geometry commands and parameters of the feature being written, geometry[0 … geometryCount). */
  private readonly geometry: number[] = [];
  private geometryCount = 0;

  constructor(private readonly pbf: PbfWriter) {}

  /** Start a feature's tags. */
  beginTags(): void {
    this.tagCount = 0;
  }

  /** Add a tag by its key and value indices. */
  pushTag(k: number, v: number): void {
    this.tags[this.tagCount++] = k;
    this.tags[this.tagCount++] = v;
  }

  /** The index of a key in this layer. */
  key(name: string): number {
    let k = this.keys.get(name);
    if (k === undefined) this.keys.set(name, (k = this.keys.size));
    return k;
  }

  /** The index of a value in this layer, shared with every equal value. */
  value(value: PropValue): number {
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
      this.valueArena.push(null);
      this.valueStart.push(0);
      this.valueEnd.push(0);
    }
    return v;
  }

  /** A new value written as the layer's value entry arena[start … end) (value-bytes.ts). */
  encodedValue(arena: Uint8Array, start: number, end: number): number {
    this.valueStart.push(start);
    this.valueEnd.push(end);
    this.valueArena.push(arena);
    return this.valueList.push(null) - 1;
  }

  /** The value index of a dictionary code in this layer, its entry written on first use. */
  codedValue(dict: ValueDictionary, code: number): number {
    if (dict.stamp[code] === this.stampId) return dict.index[code]!;
    const v = this.encodedValue(dict.bytes, dict.entryStart[code]!, dict.entryEnd[code]!);
    dict.stamp[code] = this.stampId;
    dict.index[code] = v;
    return v;
  }

  tag(key: string, value: PropValue): void {
    this.pushTag(this.key(key), this.value(value));
  }

  /** Tag every property, but those in `skip`. */
  tagAll(props: Props, skip: ReadonlySet<string> | null = null): void {
    for (const key in props) if (!skip?.has(key)) this.tag(key, props[key]!);
  }

  /** A point feature at integer tile units (x, y), with the tags given since beginTags. */
  point(id: number, x: number, y: number): void {
    const g = this.geometry;
    g[0] = command(CMD_MOVE_TO, 1);
    g[1] = zigzag(x);
    g[2] = zigzag(y);
    this.geometryCount = 3;
    this.feature(id, 1);
  }

  /** A line of one segment at integer tile units, as shape() writes a two-vertex part. */
  segment(id: number, x0: number, y0: number, x1: number, y1: number): void {
    const g = this.geometry;
    g[0] = command(CMD_MOVE_TO, 1);
    g[1] = zigzag(x0);
    g[2] = zigzag(y0);
    g[3] = command(CMD_LINE_TO, 1);
    g[4] = zigzag(x1 - x0);
    g[5] = zigzag(y1 - y0);
    this.geometryCount = 6;
    this.feature(id, 2);
  }

  /**
   * A line (its parts) or polygon (closed rings, parts.outer true for outer rings) feature,
   * with the tags given since beginTags.
   */
  shape(id: number, type: 2 | 3, parts: TileParts): void {
    const g = this.geometry;
    const { coords, ends, outer } = parts;
    let n = 0;
    let cx = 0;
    let cy = 0;
    for (let p = 0; p < parts.count; p++) {
      const start = parts.start(p);
      const end = ends[p]!;
      // Polygons: walk the ring backwards when its winding is not the one wanted.
      const reverse = type === 3 && ringArea2(coords, start, end) > 0 !== outer[p];
      // A ring's closing vertex is implied by ClosePath.
      const count = (type === 3 ? end - start - 2 : end - start) / 2;
      const last = end - 2;
      for (let i = 0; i < count; i++) {
        const at = reverse ? last - 2 * i : start + 2 * i;
        const x = coords[at]!;
        const y = coords[at + 1]!;
        if (i === 0) g[n++] = command(CMD_MOVE_TO, 1);
        else if (i === 1) g[n++] = command(CMD_LINE_TO, count - 1);
        g[n++] = zigzag(x - cx);
        g[n++] = zigzag(y - cy);
        cx = x;
        cy = y;
      }
      if (type === 3) g[n++] = command(CMD_CLOSE_PATH, 1);
    }
    this.geometryCount = n;
    this.feature(id, type);
  }

  /** The feature message, sizes counted first so that it is written in one pass. */
  private feature(id: number, type: GeomType): void {
    const { tags, tagCount, geometry, geometryCount, pbf } = this;
    const tagBytes = packedSize(tags, tagCount);
    const geometryBytes = packedSize(geometry, geometryCount);
    const body =
      1 +
      varintSize(id) +
      (tagCount > 0 ? 1 + varintSize(tagBytes) + tagBytes : 0) +
      2 +
      (geometryCount > 0 ? 1 + varintSize(geometryBytes) + geometryBytes : 0);
    pbf.realloc(body + FEATURE_SLACK_BYTES);
    const buf = pbf.buf;
    let pos = pbf.pos;
    buf[pos++] = FEATURE_KEY;
    pos = putVarint(buf, pos, body);
    buf[pos++] = ID_KEY;
    pos = putVarint(buf, pos, id);
    if (tagCount > 0) {
      buf[pos++] = TAGS_KEY;
      pos = putPacked(buf, putVarint(buf, pos, tagBytes), tags, tagCount);
    }
    buf[pos++] = TYPE_KEY;
    buf[pos++] = type;
    if (geometryCount > 0) {
      buf[pos++] = GEOMETRY_KEY;
      pos = putPacked(buf, putVarint(buf, pos, geometryBytes), geometry, geometryCount);
    }
    pbf.pos = pos;
    this.count++;
  }

  /** @internal Keys and values, after the features. */
  writeTables(): void {
    const pbf = this.pbf;
    for (const key of this.keys.keys()) pbf.writeStringField(LAYER.keys, key);
    const { valueList, valueArena, valueStart, valueEnd } = this;
    for (let i = 0; i < valueList.length; i++) {
      const arena = valueArena[i];
      if (!arena) {
        pbf.writeMessage(LAYER.values, writeValue, valueList[i]!);
        continue;
      }
      const start = valueStart[i]!;
      const end = valueEnd[i]!;
      pbf.realloc(end - start);
      const buf = pbf.buf;
      let pos = pbf.pos;
      for (let b = start; b < end; b++) buf[pos++] = arena[b]!;
      pbf.pos = pos;
    }
  }
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
