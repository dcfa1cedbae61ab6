import type { LayerName } from '@atlas/model';
import { headerScore } from '../detect/columns.ts';
import { BATCH_ROWS, HEADER_SCAN_ROWS } from '../limits.ts';
import type { SourceRecord } from './records.ts';

// Rows of cells → records keyed by header. Registers often carry a title (and a note
// such as "坐标系：高德") above the header row, so the header is the row among the first
// HEADER_SCAN_ROWS with the most cells that look like this layer's headers; the rows
// above it are kept as hints.

export interface RawRow {
  row: number;
  cells: unknown[];
}

export interface Table {
  columns: string[];
  hints: string[];
  batches: AsyncIterable<SourceRecord[]>;
}

function isEmpty(cells: readonly unknown[]): boolean {
  return cells.every((c) => c === null || c === undefined || String(c).trim() === '');
}

/** Header names, made unique and never empty ("列3" for a blank header cell). */
function headerNames(cells: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = String(cell ?? '').trim() || `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

function toRecord(columns: readonly string[], { row, cells }: RawRow): SourceRecord {
  const fields: Record<string, unknown> = {};
  columns.forEach((name, i) => (fields[name] = cells[i] ?? null));
  return { row, fields };
}

export async function readTable(layer: LayerName, rows: AsyncIterable<RawRow[]>): Promise<Table> {
  const iterator = rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  let done = false;
  while (head.length < HEADER_SCAN_ROWS && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head.push(...next.value);
  }
  const candidates = head.filter((r) => !isEmpty(r.cells)).slice(0, HEADER_SCAN_ROWS);
  let header = candidates[0];
  let best = 0;
  for (const r of candidates) {
    const score = headerScore(layer, r.cells);
    if (score > best) [header, best] = [r, score];
  }
  if (!header) return { columns: [], hints: [], batches: (async function* () {})() };
  const columns = headerNames(header.cells);
  const hints = head
    .filter((r) => r.row < header.row)
    .flatMap((r) => r.cells.filter((c) => c !== null && c !== undefined).map(String));
  const pending = head.filter((r) => r.row > header.row);

  async function* batches(): AsyncGenerator<SourceRecord[]> {
    let batch: SourceRecord[] = [];
    const push = (r: RawRow) => {
      if (!isEmpty(r.cells)) batch.push(toRecord(columns, r));
    };
    pending.forEach(push);
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      next.value.forEach(push);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { columns, hints, batches: batches() };
}
