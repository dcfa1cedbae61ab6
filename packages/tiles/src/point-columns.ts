import type { PropValue } from './records.ts';
import { decodeValueEntry, encodeValueEntry } from './value-bytes.ts';
import { ValueDictionary } from './value-dictionary.ts';

// The property columns of a point table, two kinds:
//
//   distinct (id)         per slot a range of one byte arena: the value-table entry,
//                         encoded once (value-bytes.ts); a tile copies it as it is, with
//                         no lookup (every row has its own value)
//   coded (name, categories, adminCode, type …)
//                         per slot a code into the field's dictionary of interned values,
//                         each encoded once (value-dictionary.ts); a tile writes each code
//                         it meets once, so a name repeated by a hundred shops costs one
//                         entry and unique names cost no hashing
//
// Neither keeps a JS string per row: a million stores cost a few arrays, not a million
// objects. Code 0 and an empty range mean "no value".

const INITIAL_ARENA_BYTES = 4_096;

function grownU32(a: Uint32Array, capacity: number): Uint32Array {
  const next = new Uint32Array(capacity);
  next.set(a.length > capacity ? a.subarray(0, capacity) : a);
  return next;
}

export class DistinctColumn {
  readonly kind = 'distinct';
  bytes = new Uint8Array(INITIAL_ARENA_BYTES);
  start: Uint32Array;
  end: Uint32Array;
  private used = 0;

  constructor(capacity: number) {
    this.start = new Uint32Array(capacity);
    this.end = new Uint32Array(capacity);
  }

  set(slot: number, value: PropValue | undefined): void {
    if (value === undefined) {
      this.start[slot] = this.end[slot] = this.used;
      return;
    }
    const entry = encodeValueEntry(value);
    if (this.used + entry.length > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.used + entry.length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.bytes.set(entry, this.used);
    this.start[slot] = this.used;
    this.used += entry.length;
    this.end[slot] = this.used;
  }

  get(slot: number): PropValue | undefined {
    const [start, end] = [this.start[slot]!, this.end[slot]!];
    return start === end ? undefined : decodeValueEntry(this.bytes, start, end);
  }

  grow(capacity: number): void {
    this.start = grownU32(this.start, capacity);
    this.end = grownU32(this.end, capacity);
  }

  /** Keep only the given slots, in this order (slot i becomes rows[i]); bytes follow. */
  gather(rows: Uint32Array, capacity: number): void {
    let live = 0;
    for (const row of rows) live += this.end[row]! - this.start[row]!;
    const bytes = new Uint8Array(Math.max(live, 1));
    const [start, end] = [new Uint32Array(capacity), new Uint32Array(capacity)];
    let at = 0;
    rows.forEach((row, slot) => {
      bytes.set(this.bytes.subarray(this.start[row]!, this.end[row]!), at);
      start[slot] = at;
      at += this.end[row]! - this.start[row]!;
      end[slot] = at;
    });
    [this.bytes, this.start, this.end, this.used] = [bytes, start, end, at];
  }
}

export class CodedColumn {
  readonly kind = 'coded';
  codes: Uint32Array;
  /** The values, interned, with their value-table entries encoded once. */
  dict = new ValueDictionary();

  constructor(capacity: number) {
    this.codes = new Uint32Array(capacity);
  }

  set(slot: number, value: PropValue | undefined): void {
    this.codes[slot] = this.dict.code(value);
  }

  get(slot: number): PropValue | undefined {
    return this.dict.value(this.codes[slot]!);
  }

  grow(capacity: number): void {
    this.codes = grownU32(this.codes, capacity);
  }

  /** Keep only the given slots, in this order (slot i becomes rows[i]); unused values go. */
  gather(rows: Uint32Array, capacity: number): void {
    const codes = new Uint32Array(capacity);
    rows.forEach((row, slot) => (codes[slot] = this.codes[row]!));
    this.dict = this.dict.keeping(codes, rows.length);
    this.codes = codes;
  }
}

export type PointColumn = DistinctColumn | CodedColumn;
