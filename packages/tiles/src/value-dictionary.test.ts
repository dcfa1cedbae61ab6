import { describe, expect, it } from 'vitest';
import { decodeValueEntry } from './value-bytes.ts';
import { NO_CODE, ValueDictionary } from './value-dictionary.ts';

describe('ValueDictionary', () => {
  it('gives an equal value the same code and keeps the string "1" apart from the number 1', () => {
    const dict = new ValueDictionary();
    const a = dict.code('天天便利店');
    expect(dict.code('天天便利店')).toBe(a);
    expect(dict.code('1')).not.toBe(dict.code(1));
    expect(dict.code(undefined)).toBe(NO_CODE);
    expect(dict.value(NO_CODE)).toBeUndefined();
  });

  it('holds each value encoded once as its value-table entry', () => {
    const dict = new ValueDictionary();
    const values = ['网吧', '天天便利店', 42, -3, 2.5, true];
    // More values than its first arrays hold, so that they grow.
    for (let i = 0; i < 40; i++) values.push(`店 ${i}`);
    const codes = values.map((v) => dict.code(v));
    codes.forEach((code, i) => {
      const entry = decodeValueEntry(dict.bytes, dict.entryStart[code]!, dict.entryEnd[code]!);
      expect(entry).toBe(values[i]);
    });
  });

  it('keeping rewrites the codes to a dictionary of only the values still held', () => {
    const dict = new ValueDictionary();
    const [a, b, c] = [dict.code('a'), dict.code('b'), dict.code('c')];
    const codes = Uint32Array.from([c, NO_CODE, a, c]);
    const kept = dict.keeping(codes, codes.length);
    expect(kept.size).toBe(3); // the missing value, c and a; b is gone
    expect(Array.from(codes, (code) => kept.value(code))).toEqual(['c', undefined, 'a', 'c']);
    expect(kept.code('b')).toBe(3);
    expect(b).not.toBe(NO_CODE);
  });
});
