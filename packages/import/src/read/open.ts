import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LayerName } from '@atlas/model';
import { MAX_FILE_BYTES_DEFAULT, MAX_UNZIPPED_BYTES_DEFAULT } from '../limits.ts';
import { FileRefused } from '../problems.ts';
import { readCsv, readSample } from './csv.ts';
import type { TextEncoding } from './encoding.ts';
import { readGeoJson, readGeoJsonSeq } from './geojson.ts';
import type { Format, OpenedSource } from './records.ts';
import { readShapefileZip } from './shapefile.ts';
import { readXmlFeatures } from './xml.ts';
import { readXlsx } from './xlsx.ts';
import { isZip, unzipLimited } from './zip.ts';

// Open a file with the reader for its format: by extension, checked against its first
// bytes (a .xlsx that is not a zip, a legacy .xls, an empty file are refused here).

export interface ReadOptions {
  layer: LayerName;
  /** The name the user gave the file (the API stores uploads under a temp name). */
  name?: string;
  format?: Format;
  encoding?: TextEncoding | null;
  maxFileBytes?: number;
  maxUnzippedBytes?: number;
}

const BY_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.geojsonl': 'geojsonseq',
  '.geojsons': 'geojsonseq',
  '.geojsonseq': 'geojsonseq',
  '.ndjson': 'geojsonseq',
  '.jsonl': 'geojsonseq',
  '.zip': 'shapefile',
  '.kml': 'kml',
  '.kmz': 'kmz',
  '.gpx': 'gpx',
};
const SNIFF_BYTES = 512;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls (and .doc)

function sniff(head: Uint8Array): Format {
  if (isZip(head)) return 'shapefile';
  const text = Buffer.from(head)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return /<gpx[\s>]/.test(text) ? 'gpx' : 'kml';
  if (text.startsWith('\u001e')) return 'geojsonseq';
  if (text.startsWith('{') || text.startsWith('[')) return 'geojson';
  return 'csv';
}

export function formatOf(name: string, head: Uint8Array): Format {
  if (OLE_MAGIC.every((b, i) => head[i] === b)) {
    throw new FileRefused('a legacy .xls (or other OLE) file: save it as .xlsx or CSV');
  }
  const format = BY_EXTENSION[extname(name).toLowerCase()] ?? sniff(head);
  if ((format === 'xlsx' || format === 'kmz' || format === 'shapefile') && !isZip(head)) {
    throw new FileRefused(
      `not a ${format === 'shapefile' ? 'zip' : format.toUpperCase()} file: it does not start with a zip signature`,
    );
  }
  return format;
}

export async function openSource(path: string, options: ReadOptions): Promise<OpenedSource> {
  const name = options.name ?? basename(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new FileRefused(`no such file: ${name}`);
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES_DEFAULT;
  if (info.size > maxFileBytes) {
    throw new FileRefused(`file is ${info.size} bytes, over the limit of ${maxFileBytes}`);
  }
  if (info.size === 0) throw new FileRefused('empty file');
  const size = info.size;
  const format = options.format ?? formatOf(name, await readSample(path, SNIFF_BYTES));
  const limits = { maxUnzippedBytes: options.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES_DEFAULT };
  switch (format) {
    case 'csv':
      return readCsv(path, size, options.layer, options.encoding ?? null, name);
    case 'xlsx':
      return readXlsx(path, size, options.layer, name, limits);
    case 'geojson':
      return readGeoJson(path, size, name);
    case 'geojsonseq':
      return readGeoJsonSeq(path, size, name);
    case 'shapefile':
      return readShapefileZip(path, size, name, limits);
    case 'kml':
    case 'gpx':
      return readXmlFeatures(await readFile(path), format, size, [name]);
    case 'kmz': {
      const { entries, names } = unzipLimited(
        await readFile(path),
        (n) => /\.kml$/i.test(n),
        limits,
      );
      const doc = entries.get('doc.kml') ?? [...entries.values()][0];
      if (!doc)
        throw new FileRefused(
          `the KMZ holds no .kml file (found: ${names.slice(0, 10).join(', ') || 'nothing'})`,
        );
      return readXmlFeatures(doc, 'kmz', size, [name]);
    }
  }
}
