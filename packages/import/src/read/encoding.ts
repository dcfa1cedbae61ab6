import iconv from 'iconv-lite';

// Which text encoding a file uses. Chinese government files come as UTF-8 (often with a
// BOM, as Excel writes it) or as GBK/GB18030 (Excel's "CSV" on a Chinese Windows, and most
// DBFs). Decide from a byte sample: a BOM wins; valid UTF-8 is UTF-8 (GBK text is almost
// never valid UTF-8); else text that decodes as GB18030 without replacement characters
// is GB18030 (a superset of GBK and GB2312); anything else is an unknown encoding.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncoding | null;
  /** Bytes of BOM to skip. */
  bomBytes: number;
  basis: 'bom' | 'valid-utf-8' | 'decodes-as-gb18030' | 'declared' | 'unknown';
}

const REPLACEMENT = '\uFFFD';
/** A UTF-8 sequence is at most 4 bytes: a sample cut mid-character loses at most 3. */
const UTF8_TAIL_BYTES = 3;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(sample, { stream: !complete });
    return true;
  } catch {
    if (complete) return false;
    // Cut mid-character at the end of the sample: try without the tail.
    const trimmed = sample.subarray(0, Math.max(0, sample.length - UTF8_TAIL_BYTES));
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(trimmed, { stream: true });
      return true;
    } catch {
      return false;
    }
  }
}

function decodesAsGb18030(sample: Uint8Array): boolean {
  const text = iconv.decode(
    Buffer.from(sample.buffer, sample.byteOffset, sample.length),
    'gb18030',
  );
  // A cut multi-byte character may leave one replacement at the very end.
  return !text.slice(0, -1).includes(REPLACEMENT);
}

/** Guess from a sample; `complete` says the sample is the whole file. */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf]))
    return { encoding: 'utf-8', bomBytes: 3, basis: 'bom' };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bomBytes: 2, basis: 'bom' };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bomBytes: 2, basis: 'bom' };
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', bomBytes: 0, basis: 'valid-utf-8' };
  if (decodesAsGb18030(sample)) {
    return { encoding: 'gb18030', bomBytes: 0, basis: 'decodes-as-gb18030' };
  }
  return { encoding: null, bomBytes: 0, basis: 'unknown' };
}

/** A user- or file-declared encoding name (.cpg, option), normalised; null when unknown. */
export function normaliseEncoding(name: string): TextEncoding | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (['utf-8', 'utf8', '65001'].includes(n)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', '936', 'ansi-936', 'euc-cn'].includes(n)) {
    return 'gb18030';
  }
  if (['utf-16le', 'utf16le'].includes(n)) return 'utf-16le';
  if (['utf-16be', 'utf16be'].includes(n)) return 'utf-16be';
  return null;
}

/** A streaming decoder for the encoding (iconv-lite; keeps split characters whole). */
export function textDecoder(encoding: TextEncoding): { write(b: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(encoding);
  return { write: (b) => decoder.write(b), end: () => decoder.end() ?? '' };
}
