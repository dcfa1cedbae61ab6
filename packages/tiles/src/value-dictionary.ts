import type { PropValue } from './records.ts';
import { encodeValueEntry } from './value-bytes.ts';

// A field's dictionary: each distinct value once, interned at load, with its value-table
// entry encoded once (value-bytes.ts). Rows keep only a code (0 = no value). While a layer
// is written, a code maps to the layer's value index through a table stamped with the
// writer's number (LayerWriter.codedValue), so a value repeated in a tile is written once,
// and no table is cleared or allocated between tiles.
//
//   code     0    1             2           …
//   value    —    "天天便利店"  "网吧"
//   entry    —    bytes[0…17)   bytes[17…26)
//   stamp    —    7             3           ← writer 7 gave code 1 the value index index[1];
//   index    —    12            4             writer 3 is long done, so code 2 is unseen

export const NO_CODE = 0;
const INITIAL_CODES = 16;
const INITIAL_BYTES = 256;

function grownTo<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(
  a: T,
  needed: number,
): T {
  if (needed <= a.length) return a;
  let size = Math.max(a.length, 1) * 2;
  while (size < needed) size *= 2;
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

export class ValueDictionary {
  /** values[code]; values[0] is the missing value. */
  readonly values: (PropValue | undefined)[] = [undefined];
  /** The value-table entries of every code, one after another. */
  bytes = new Uint8Array(INITIAL_BYTES);
  entryStart = new Uint32Array(INITIAL_CODES);
  entryEnd = new Uint32Array(INITIAL_CODES);
  /** Per code, the number of the layer writer that last gave it a value index (0: none). */
  stamp = new Float64Array(INITIAL_CODES);
  /** Per code, its value index in the layer written by writer stamp[code]. */
  index = new Int32Array(INITIAL_CODES);
  private used = 0;
  private readonly codeOf = new Map<PropValue, number>();

  /** Codes handed out, the missing value's included. */
  get size(): number {
    return this.values.length;
  }

  /** The code of a value, interned on first sight; NO_CODE for undefined. */
  code(value: PropValue | undefined): number {
    if (value === undefined) return NO_CODE;
    const known = this.codeOf.get(value);
    if (known !== undefined) return known;
    const code = this.values.push(value) - 1;
    this.codeOf.set(value, code);
    const entry = encodeValueEntry(value);
    this.bytes = grownTo(this.bytes, this.used + entry.length);
    this.bytes.set(entry, this.used);
    this.entryStart = grownTo(this.entryStart, code + 1);
    this.entryEnd = grownTo(this.entryEnd, code + 1);
    this.stamp = grownTo(this.stamp, code + 1);
    this.index = grownTo(this.index, code + 1);
    this.entryStart[code] = this.used;
    this.used += entry.length;
    this.entryEnd[code] = this.used;
    return code;
  }

  value(code: number): PropValue | undefined {
    return this.values[code];
  }

  /**
   * A dictionary of only the codes in codes[0 … n), which are rewritten in place to the
   * new ones (values no row holds any more, after edits, are dropped).
   */
  keeping(codes: Uint32Array, n: number): ValueDictionary {
    const next = new ValueDictionary();
    const remap = new Int32Array(this.size).fill(-1);
    remap[NO_CODE] = NO_CODE;
    for (let i = 0; i < n; i++) {
      const old = codes[i]!;
      let code = remap[old]!;
      if (code < 0) code = remap[old] = next.code(this.values[old]);
      codes[i] = code;
    }
    return next;
  }
}
