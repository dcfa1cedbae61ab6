import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { LAYERS, type AnyFeature, type LayerName } from '@atlas/model';
import { exportColumns } from './table.ts';

// A layer out as GeoJSON, CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) or
// XLSX, streamed batch by batch from the store's scan: memory stays bounded on big layers.

export type ExportFormat = 'geojson' | 'csv' | 'xlsx';

export interface LayerSource {
  scan(layer: LayerName): AsyncIterable<AnyFeature[]>;
}

export interface Exported {
  contentType: string;
  fileName: string;
  body: Readable;
}

const BOM = '\uFEFF';

/** Text chunks as UTF-8 bytes (a web stream of the body takes bytes only). */
async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}

async function* geojson(source: LayerSource, layer: LayerName): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","name":${JSON.stringify(layer)},"features":[`;
  let first = true;
  for await (const batch of source.scan(layer)) {
    const text = batch.map((f) => JSON.stringify(f)).join(',\n');
    yield (first ? '\n' : ',\n') + text;
    first = false;
  }
  yield '\n]}\n';
}

async function* csv(source: LayerSource, layer: LayerName): AsyncGenerator<string> {
  const columns = exportColumns(layer);
  yield BOM + Papa.unparse([columns.map((c) => c.header)]) + '\r\n';
  for await (const batch of source.scan(layer)) {
    yield Papa.unparse(batch.map((f) => columns.map((c) => c.value(f)))) + '\r\n';
  }
}

function xlsx(source: LayerSource, layer: LayerName): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const columns = exportColumns(layer);
  const sheet = workbook.addWorksheet(LAYERS[layer].label);
  void (async () => {
    sheet.addRow(columns.map((c) => c.header)).commit();
    for await (const batch of source.scan(layer)) {
      for (const f of batch) sheet.addRow(columns.map((c) => c.value(f))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

export function exportLayer(source: LayerSource, layer: LayerName, format: ExportFormat): Exported {
  switch (format) {
    case 'geojson':
      return {
        contentType: 'application/geo+json; charset=utf-8',
        fileName: `${layer}.geojson`,
        body: Readable.from(utf8(geojson(source, layer))),
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `${layer}.csv`,
        body: Readable.from(utf8(csv(source, layer))),
      };
    case 'xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${layer}.xlsx`,
        body: xlsx(source, layer),
      };
  }
}
