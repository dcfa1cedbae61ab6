import { readFile } from 'node:fs/promises';
import * as shapefile from 'shapefile';
import { BATCH_ROWS } from '../limits.ts';
import { FileRefused, messageOf } from '../problems.ts';
import { detectEncoding, normaliseEncoding, type TextEncoding } from './encoding.ts';
import type { OpenedSource, SourceRecord } from './records.ts';
import { unzipLimited, type ZipLimits } from './zip.ts';

// A zipped Shapefile: .shp (+ .dbf attributes, .prj CRS, .cpg encoding). Without a .cpg
// the DBF's text is detected (GBK is what most Chinese GIS software writes), and a DBF
// in neither UTF-8 nor GBK is refused rather than loaded as mojibake.

const PART = /\.(shp|shx|dbf|prj|cpg)$/i;
/** A DBF header's length is the little-endian uint16 at byte 8. */
const DBF_HEADER_LENGTH_OFFSET = 8;

function part(entries: Map<string, Uint8Array>, base: string, ext: string): Uint8Array | null {
  for (const [name, bytes] of entries) {
    if (name.toLowerCase() === `${base}.${ext}`) return bytes;
  }
  return null;
}

function dbfEncoding(
  dbf: Uint8Array,
  cpg: Uint8Array | null,
): { encoding: TextEncoding; basis: string } {
  if (cpg) {
    const declared = new TextDecoder().decode(cpg).trim();
    const encoding = normaliseEncoding(declared);
    if (!encoding)
      throw new FileRefused(`unknown encoding "${declared}" in the .cpg file`, 'encoding');
    return { encoding, basis: `.cpg says ${declared}` };
  }
  const headerBytes =
    dbf.length > DBF_HEADER_LENGTH_OFFSET + 1
      ? dbf[DBF_HEADER_LENGTH_OFFSET]! | (dbf[DBF_HEADER_LENGTH_OFFSET + 1]! << 8)
      : 0;
  const guess = detectEncoding(dbf.subarray(Math.min(headerBytes, dbf.length)), true);
  if (!guess.encoding) {
    throw new FileRefused(
      'the .dbf text is neither UTF-8 nor GBK and there is no .cpg: add a .cpg naming its encoding',
      'encoding',
    );
  }
  return { encoding: guess.encoding, basis: `no .cpg; ${guess.basis}` };
}

export async function readShapefileZip(
  path: string,
  size: number,
  name: string,
  limits?: ZipLimits,
): Promise<OpenedSource> {
  const { entries, names } = unzipLimited(await readFile(path), (n) => PART.test(n), limits);
  const shpName = [...entries.keys()].find((n) => /\.shp$/i.test(n));
  if (!shpName) {
    const found =
      names
        .filter((n) => !n.endsWith('/'))
        .slice(0, 10)
        .join(', ') || 'nothing';
    throw new FileRefused(`the zip holds no .shp file (found: ${found})`);
  }
  const base = shpName.slice(0, -4).toLowerCase();
  const shp = entries.get(shpName)!;
  const dbf = part(entries, base, 'dbf');
  const prj = part(entries, base, 'prj');
  const { encoding, basis } = dbf
    ? dbfEncoding(dbf, part(entries, base, 'cpg'))
    : { encoding: 'utf-8' as const, basis: 'no .dbf' };
  let source: Awaited<ReturnType<typeof shapefile.open>>;
  try {
    source = await shapefile.open(shp, dbf ?? undefined, { encoding });
  } catch (error) {
    throw new FileRefused(`not a readable Shapefile: ${messageOf(error)}`);
  }
  const first = await source.read().catch((error: unknown) => {
    throw new FileRefused(`not a readable Shapefile: ${messageOf(error)}`);
  });
  let row = 0;
  const toRecord = (f: { geometry: unknown; properties: unknown }): SourceRecord => ({
    row: ++row,
    fields: (f.properties ?? {}) as Record<string, unknown>,
    geometry: f.geometry ?? null,
  });
  async function* batches(): AsyncGenerator<SourceRecord[]> {
    let batch: SourceRecord[] = [];
    for (let next = first; !next.done;) {
      batch.push(toRecord(next.value));
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
      try {
        next = await source.read();
      } catch (error) {
        throw new FileRefused(`Shapefile is corrupt after feature ${row}: ${messageOf(error)}`);
      }
    }
    if (batch.length > 0) yield batch;
  }
  return {
    format: 'shapefile',
    encoding,
    encodingBasis: basis,
    columns: first.done ? [] : Object.keys(first.value.properties ?? {}),
    crsText: prj ? new TextDecoder().decode(prj) : null,
    hints: [name, shpName],
    spatial: true,
    batches: batches(),
    bytesRead: () => size,
    totalBytes: size,
  };
}
