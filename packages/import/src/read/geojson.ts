import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { BATCH_ROWS } from '../limits.ts';
import { FileRefused, messageOf } from '../problems.ts';
import type { OpenedSource, SourceRecord } from './records.ts';

// GeoJSON (a FeatureCollection, a Feature or a bare geometry) and GeoJSONSeq (one feature
// per line, RFC 8142's record separator allowed). A legacy `crs` member is kept as the
// declared CRS; RFC 7946 GeoJSON without one is WGS84.

/** Property names seen in the first features: the "columns" of a GeoJSON file. */
const COLUMN_SAMPLE_FEATURES = 100;
/** RFC 8142 puts an ASCII record separator before each GeoJSON text. */
const RECORD_SEPARATOR = String.fromCharCode(0x1e);

function toRecord(feature: unknown, row: number): SourceRecord {
  const f = feature as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
  if (!f || typeof f !== 'object') return { row, fields: {}, error: 'not a JSON object' };
  if (f.type !== 'Feature') {
    if (typeof f.type === 'string' && 'coordinates' in f) return { row, fields: {}, geometry: f };
    return { row, fields: {}, error: `expected a Feature, found type ${JSON.stringify(f.type)}` };
  }
  const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : undefined;
  return {
    row,
    fields: props as Record<string, unknown>,
    geometry: f.geometry ?? null,
    ...(id === undefined ? {} : { sourceId: id }),
  };
}

function columnsOf(records: readonly SourceRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records.slice(0, COLUMN_SAMPLE_FEATURES))
    Object.keys(r.fields).forEach((k) => names.add(k));
  return [...names];
}

function crsName(doc: { crs?: unknown }): string | null {
  const crs = doc.crs as { properties?: { name?: unknown } } | undefined;
  return typeof crs?.properties?.name === 'string' ? crs.properties.name : null;
}

function batchesOf(records: SourceRecord[]): AsyncIterable<SourceRecord[]> {
  return (async function* () {
    for (let i = 0; i < records.length; i += BATCH_ROWS) yield records.slice(i, i + BATCH_ROWS);
  })();
}

export async function readGeoJson(path: string, size: number, name: string): Promise<OpenedSource> {
  let doc: { type?: unknown; features?: unknown; crs?: unknown; name?: unknown };
  try {
    doc = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileRefused(`not valid JSON: ${messageOf(error)}`);
  }
  if (!doc || typeof doc !== 'object') throw new FileRefused('not a GeoJSON object');
  let records: SourceRecord[];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features))
      throw new FileRefused('FeatureCollection without a features array');
    records = doc.features.map((f, i) => toRecord(f, i + 1));
  } else if (typeof doc.type === 'string') {
    records = [toRecord(doc, 1)];
  } else {
    throw new FileRefused('not GeoJSON: no "type" member');
  }
  return {
    format: 'geojson',
    encoding: 'utf-8',
    encodingBasis: 'declared', // RFC 7946: GeoJSON is UTF-8
    columns: columnsOf(records),
    crsText: crsName(doc),
    hints: [name, ...(typeof doc.name === 'string' ? [doc.name] : [])],
    spatial: true,
    batches: batchesOf(records),
    bytesRead: () => size,
    totalBytes: size,
  };
}

export async function readGeoJsonSeq(
  path: string,
  size: number,
  name: string,
): Promise<OpenedSource> {
  const counter = { bytes: 0 };
  const stream = createReadStream(path, { encoding: 'utf8' });
  stream.on('data', (chunk) => (counter.bytes += Buffer.byteLength(chunk as string)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const head: SourceRecord[] = [];
  let row = 0;
  const next = async (): Promise<SourceRecord | null> => {
    for (;;) {
      const line = await lines.next();
      if (line.done) return null;
      const text = line.value
        .replaceAll(RECORD_SEPARATOR, '')
        .replace(/^\uFEFF/, '')
        .trim();
      if (!text) continue;
      row++;
      try {
        return toRecord(JSON.parse(text), row);
      } catch (error) {
        return { row, fields: {}, error: `not valid JSON: ${messageOf(error)}` };
      }
    }
  };
  let ended = false;
  while (head.length < COLUMN_SAMPLE_FEATURES) {
    const r = await next();
    if (!r) {
      ended = true;
      break;
    }
    head.push(r);
  }
  async function* batches(): AsyncGenerator<SourceRecord[]> {
    let batch = head.splice(0);
    for (let r = ended ? null : await next(); r; r = await next()) {
      batch.push(r);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return {
    format: 'geojsonseq',
    encoding: 'utf-8',
    encodingBasis: 'declared',
    columns: columnsOf(head),
    crsText: null,
    hints: [name],
    spatial: true,
    batches: batches(),
    bytesRead: () => counter.bytes,
    totalBytes: size,
  };
}
