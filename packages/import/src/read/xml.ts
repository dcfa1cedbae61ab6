import { toGeoJSON } from './togeojson.ts';
import { DOMParser } from '@xmldom/xmldom';
import iconv from 'iconv-lite';
import { BATCH_ROWS } from '../limits.ts';
import { FileRefused, messageOf } from '../problems.ts';
import { detectEncoding, normaliseEncoding } from './encoding.ts';
import type { Format, OpenedSource, SourceRecord } from './records.ts';

// KML and GPX: XML parsed by @xmldom/xmldom, converted by @tmcw/togeojson. Both are
// WGS84 by definition. A KML placemark's ExtendedData becomes its fields.

const DECLARED_ENCODING = /^<\?xml[^>]*encoding=["']([^"']+)["']/;

function xmlText(bytes: Uint8Array): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  const encoding = declared ? normaliseEncoding(declared) : detectEncoding(bytes, true).encoding;
  if (!encoding) throw new FileRefused(`unknown XML encoding ${declared ?? ''}`.trim(), 'encoding');
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

function parseXml(text: string): Document {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new FileRefused(`not well-formed XML: ${messageOf(error)}`);
  }
  if (errors.length > 0) throw new FileRefused(`not well-formed XML: ${errors[0]}`);
  return doc as Document;
}

export function readXmlFeatures(
  bytes: Uint8Array,
  format: Extract<Format, 'kml' | 'kmz' | 'gpx'>,
  size: number,
  hints: string[],
): OpenedSource {
  const { text, encoding } = xmlText(bytes);
  const doc = parseXml(text);
  const root = doc.documentElement?.nodeName ?? '';
  const expected = format === 'gpx' ? 'gpx' : 'kml';
  if (root.toLowerCase() !== expected) {
    throw new FileRefused(`not ${expected.toUpperCase()}: the XML root is <${root}>`);
  }
  const collection = toGeoJSON(doc, expected);
  const records: SourceRecord[] = collection.features.map((f, i) => ({
    row: i + 1,
    fields: { ...(f.properties ?? {}) },
    geometry: f.geometry ?? null,
    ...(f.id === undefined ? {} : { sourceId: String(f.id) }),
  }));
  const columns = [...new Set(records.flatMap((r) => Object.keys(r.fields)))];
  return {
    format,
    encoding,
    encodingBasis: 'xml',
    columns,
    crsText: null,
    hints,
    spatial: true,
    batches: (async function* () {
      for (let i = 0; i < records.length; i += BATCH_ROWS) yield records.slice(i, i + BATCH_ROWS);
    })(),
    bytesRead: () => size,
    totalBytes: size,
  };
}
