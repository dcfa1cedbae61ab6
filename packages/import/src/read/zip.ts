import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { MAX_UNZIPPED_BYTES_DEFAULT, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO } from '../limits.ts';
import { FileRefused, messageOf } from '../problems.ts';

// Unzip in memory with a hard limit on what comes out. A zip's own size fields can lie,
// so bytes are counted as they inflate and inflating stops the moment an entry passes
// the total limit or its ratio to the packed size (a zip bomb); nothing past that point
// is ever allocated.

/** The ratio check starts past this output size: tiny files (a zeroed DBF) compress well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export interface ZipLimits {
  maxUnzippedBytes: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((m) => m.every((b, i) => bytes[i] === b));
}

/** Entries whose name `wanted` accepts (others are skipped unread), by name. */
export function unzipLimited(
  data: Uint8Array,
  wanted: (name: string) => boolean,
  { maxUnzippedBytes }: ZipLimits = { maxUnzippedBytes: MAX_UNZIPPED_BYTES_DEFAULT },
  keep = true,
): { entries: Map<string, Uint8Array>; names: string[] } {
  if (!isZip(data)) throw new FileRefused('not a zip archive (no PK signature)');
  const entries = new Map<string, Uint8Array>();
  const names: string[] = [];
  let total = 0;
  let refusal: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    names.push(file.name);
    if (refusal) return;
    if (names.length > MAX_ZIP_ENTRIES) {
      refusal = `zip has more than ${MAX_ZIP_ENTRIES} entries`;
      return;
    }
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = `zip entry ${file.name} is corrupt: ${messageOf(error)}`;
        return;
      }
      bytes += chunk.length;
      total += chunk.length;
      const packed = Math.max(1, file.size ?? 1);
      if (total > maxUnzippedBytes) {
        refusal = `zip unpacks to more than ${maxUnzippedBytes} bytes (a zip bomb or too large)`;
      } else if (bytes > RATIO_FLOOR_BYTES && bytes / packed > MAX_ZIP_RATIO) {
        refusal = `zip entry ${file.name} inflates more than ${MAX_ZIP_RATIO}× its packed size (a zip bomb)`;
      }
      if (refusal) {
        file.terminate();
        chunks.length = 0;
        return;
      }
      if (keep) chunks.push(chunk);
      if (final && keep) entries.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  };
  try {
    unzip.push(data, true);
  } catch (error) {
    refusal ??= `zip archive is corrupt: ${messageOf(error)}`;
  }
  if (refusal) throw new FileRefused(refusal);
  return { entries, names };
}

/**
 * The entries a zip's central directory lists (none inflated), each of a method that can
 * be read: stored or deflate.
 */
function directoryNames(data: Uint8Array): string[] {
  const names: string[] = [];
  let refusal: string | null = null;
  try {
    unzipSync(data, {
      filter: ({ name, compression }) => {
        if (compression !== 0 && compression !== 8)
          refusal ??= `zip entry ${name || '(no name)'} uses compression method ${compression}, not stored or deflate`;
        names.push(name);
        return false;
      },
    });
  } catch (error) {
    refusal ??= `zip archive is corrupt: ${messageOf(error)}`;
  }
  if (refusal) throw new FileRefused(refusal);
  return names;
}

/**
 * Inflate every entry without keeping it, and read the central directory: proves a zip
 * whole and within limits. The two must list the same entries: a workbook whose entry
 * lost two bytes inflated entry by entry up to the damage, while exceljs's reader waited
 * on it forever.
 */
export function checkZip(data: Uint8Array, limits?: ZipLimits): void {
  const inflated = unzipLimited(data, () => true, limits, false).names;
  const listed = directoryNames(data);
  const [a, b] = [[...inflated].sort(), [...listed].sort()];
  const same = a.length === b.length && a.every((name, i) => name === b[i]);
  if (!same) {
    throw new FileRefused(
      `zip archive is corrupt: its directory lists ${listed.length} entries, ${inflated.length} could be read in order`,
    );
  }
}
