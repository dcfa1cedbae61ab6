import { PbfReader, PbfWriter } from 'pbf';
import { LAYER, VALUE, writeValue } from './encode.ts';
import type { PropValue } from './records.ts';

// A property value encoded once, at load, as the whole entry it becomes in a layer's
// value table (field `values`: key byte, length, Value message). A tile then copies these
// bytes instead of looking the value up and encoding it again, feature after feature.
//
//   0x22 len │ 0x0a len "杂货店 12"      one entry = one Value message, length-prefixed

/** One writer for every value: its buffer grows to the longest value and stays. */
const scratch = new PbfWriter();

/** The value-table entry of value, as bytes (a view of a shared buffer: copy it at once). */
export function encodeValueEntry(value: PropValue): Uint8Array {
  scratch.pos = 0;
  scratch.length = scratch.buf.length; // finish() shrank it; the buffer itself is still there
  scratch.writeMessage(LAYER.values, writeValue, value);
  return scratch.buf.subarray(0, scratch.pos);
}

function readValue(tag: number, out: { value: PropValue | undefined }, pbf: PbfReader): void {
  if (tag === VALUE.string) out.value = pbf.readString();
  else if (tag === VALUE.double) out.value = pbf.readDouble();
  else if (tag === VALUE.uint) out.value = pbf.readVarint();
  else if (tag === VALUE.sint) out.value = pbf.readSVarint();
  else if (tag === VALUE.bool) out.value = pbf.readBoolean();
}

/** The value of the entry bytes[start … end) written by encodeValueEntry. */
export function decodeValueEntry(bytes: Uint8Array, start: number, end: number): PropValue {
  const pbf = new PbfReader(bytes.subarray(start, end));
  const out: { value: PropValue | undefined } = { value: undefined };
  pbf.readFields((tag) => {
    if (tag === LAYER.values) pbf.readMessage(readValue, out);
  }, null);
  if (out.value === undefined) throw new Error(`value entry at ${start}: no value in it`);
  return out.value;
}
