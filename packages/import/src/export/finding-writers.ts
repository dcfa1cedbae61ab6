import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Finding } from '@atlas/audit';
import { FINDING_COLUMNS, type FindingRow } from './finding-rows.ts';
import type { ExportFormat, Exported } from './writers.ts';

// Audit findings out as GeoJSON (a line from the school's origin point to the target, or
// the walking path), CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) or XLSX. A
// run's findings are already in memory, so each file is built whole.

const BOM = '\uFEFF';
const SHEET_NAME = '审计结果';

const headers = () => FINDING_COLUMNS.map((c) => c.header);
const cells = (row: FindingRow) => FINDING_COLUMNS.map((c) => row[c.key]);

export function findingsCsv(rows: readonly FindingRow[]): string {
  return `${BOM}${Papa.unparse([headers(), ...rows.map(cells)], { newline: '\r\n' })}\r\n`;
}

export function findingsGeoJson(findings: readonly Finding[], rows: readonly FindingRow[]): string {
  if (findings.length !== rows.length)
    throw new Error(`findingsGeoJson: ${findings.length} findings but ${rows.length} rows`);
  const features = findings.map((f, i) => ({
    type: 'Feature' as const,
    id: f.id,
    geometry: {
      type: 'LineString' as const,
      coordinates: f.path ?? [f.originPoint, f.targetPoint],
    },
    properties: rows[i]!,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

export async function findingsXlsx(rows: readonly FindingRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.addRow(headers());
  for (const row of rows) sheet.addRow(cells(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The findings as a download named `<baseName>.<format>`. */
export function exportFindings(
  findings: readonly Finding[],
  rows: readonly FindingRow[],
  format: ExportFormat,
  baseName: string,
): Exported {
  switch (format) {
    case 'geojson':
      return {
        contentType: 'application/geo+json; charset=utf-8',
        fileName: `${baseName}.geojson`,
        body: Readable.from([Buffer.from(findingsGeoJson(findings, rows), 'utf8')]),
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `${baseName}.csv`,
        body: Readable.from([Buffer.from(findingsCsv(rows), 'utf8')]),
      };
    case 'xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${baseName}.xlsx`,
        body: Readable.from(
          (async function* () {
            yield await findingsXlsx(rows);
          })(),
        ),
      };
  }
}
