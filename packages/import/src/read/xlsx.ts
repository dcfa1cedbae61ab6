import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { LayerName } from '@atlas/model';
import { BATCH_ROWS } from '../limits.ts';
import { FileRefused, messageOf } from '../problems.ts';
import { plainCell } from './cells.ts';
import type { OpenedSource } from './records.ts';
import { readTable, type RawRow } from './table.ts';
import { checkZip, type ZipLimits } from './zip.ts';

// XLSX, streamed with exceljs's WorkbookReader: the first worksheet that has rows is read
// (a register keeps one table per file); its name is kept as a hint. Old binary .xls is
// refused with the fix (save as .xlsx) rather than misread.

async function* sheetRows(path: string, sheetNames: string[]): AsyncGenerator<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell a date from a number
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      let batch: RawRow[] = [];
      let any = false;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        batch.push({ row: row.number, cells: values.map(plainCell) });
        any = true;
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      const name = (sheet as unknown as { name?: string }).name;
      if (name) sheetNames.push(name);
      if (any) return; // one table per file
    }
  } catch (error) {
    throw new FileRefused(`not a readable XLSX workbook: ${messageOf(error)}`);
  }
}

export async function readXlsx(
  path: string,
  size: number,
  layer: LayerName,
  name: string,
  limits?: ZipLimits,
): Promise<OpenedSource> {
  // exceljs can wait forever on a corrupt zip stream: prove the zip whole (and no bomb) first.
  checkZip(await readFile(path), limits);
  const sheetNames: string[] = [];
  const table = await readTable(layer, sheetRows(path, sheetNames));
  return {
    format: 'xlsx',
    encoding: null,
    encodingBasis: null,
    columns: table.columns,
    crsText: null,
    hints: [...table.hints, ...sheetNames, name],
    spatial: false,
    batches: table.batches,
    bytesRead: () => null, // exceljs reads the zip as one stream and does not say where
    totalBytes: size,
  };
}
