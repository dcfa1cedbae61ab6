import { describe, expect, it } from 'vitest';
import { PbfWriter } from 'pbf';
import { putVarint, varintSize } from './encode.ts';
import { seededRandom } from './test-features.ts';

/** pbf's varint bytes of n: the reference. */
function pbfVarint(n: number): number[] {
  const pbf = new PbfWriter();
  pbf.writeVarint(n);
  return [...pbf.finish()];
}

describe('varints', () => {
  it('write the bytes pbf writes, and count them, up to 2^53', () => {
    const random = seededRandom(53);
    const values = [0, 1, 0x7f, 0xffffffff, 2 ** 32, 2 ** 53 - 1];
    for (let bits = 7; bits <= 53; bits += 7) values.push(2 ** bits - 1, 2 ** bits);
    for (let i = 0; i < 5000; i++)
      values.push(Math.floor(random() * 2 ** Math.ceil(random() * 53)));
    const buf = new Uint8Array(16);
    for (const n of values) {
      const end = putVarint(buf, 0, n);
      const expected = pbfVarint(n);
      expect([...buf.subarray(0, end)], `varint of ${n}`).toEqual(expected);
      expect(varintSize(n), `size of ${n}`).toBe(expected.length);
    }
  });
});
