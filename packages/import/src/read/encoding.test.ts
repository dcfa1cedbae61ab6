import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, normaliseEncoding } from './encoding.ts';

const text = '名称,地址\n星空网咖,纸坊街1号\n';

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM as UTF-8 and says to skip it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(detectEncoding(bytes, true)).toEqual({ encoding: 'utf-8', bomBytes: 3, basis: 'bom' });
  });

  it('takes valid UTF-8 without a BOM as UTF-8', () => {
    expect(detectEncoding(Buffer.from(text), true).encoding).toBe('utf-8');
  });

  it('takes GBK text (as Excel on a Chinese Windows saves CSV) as GB18030', () => {
    expect(detectEncoding(iconv.encode(text, 'gbk'), true)).toMatchObject({
      encoding: 'gb18030',
      basis: 'decodes-as-gb18030',
    });
  });

  it('keeps UTF-8 when the sample ends in the middle of a character', () => {
    const bytes = Buffer.from(text);
    expect(detectEncoding(bytes.subarray(0, 5), false).encoding).toBe('utf-8');
  });

  it('calls bytes that are neither UTF-8 nor GB18030 unknown', () => {
    expect(
      detectEncoding(Buffer.from([0x41, 0xff, 0xff, 0xff, 0x80, 0x0a]), true).encoding,
    ).toBeNull();
  });
});

describe('normaliseEncoding', () => {
  it('maps what .cpg files say to the decoders we have', () => {
    expect(normaliseEncoding('UTF-8')).toBe('utf-8');
    expect(normaliseEncoding('GBK')).toBe('gb18030');
    expect(normaliseEncoding('936')).toBe('gb18030');
    expect(normaliseEncoding('ISO-8859-7')).toBeNull();
  });
});
