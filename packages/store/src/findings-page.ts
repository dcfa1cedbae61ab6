import type { DuckDBConnection } from '@duckdb/node-api';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { findingWhere, type FindingFilter } from './finding-filter.ts';

// One page of a run's findings in id order, filtered in SQL (finding-filter.ts), with a
// cursor to the next page: a page is full whatever the filters, never thinned afterwards.

export interface FindingQuery extends FindingFilter {
  limit: number;
  cursor?: string | null;
}

export interface FindingPage<F> {
  findings: F[];
  nextCursor: string | null;
}

/** A page of findings as they were saved (FindingToSave): each with its township code. */
export interface FindingRowPage<F> {
  rows: { finding: F; township: string | null }[];
  nextCursor: string | null;
}

export async function selectFindingRows<F>(
  c: DuckDBConnection,
  runId: number,
  q: FindingQuery,
): Promise<FindingRowPage<F>> {
  if (!Number.isSafeInteger(q.limit) || q.limit < 1)
    throw new RangeError(`limit ${q.limit}: expected a positive integer`);
  const { where, values, readsSchool } = findingWhere(runId, q);
  if (q.cursor !== undefined && q.cursor !== null) {
    values.push(decodeCursor(q.cursor));
    where.push(`f.id > $${values.length}`);
  }
  values.push(q.limit + 1); // one extra row tells whether another page follows
  const from = readsSchool ? 'findings f LEFT JOIN schools s ON s.id = f.school_id' : 'findings f';
  const reader = await c.runAndReadAll(
    `SELECT f.id, f.township, f.finding FROM ${from}
      WHERE ${where.join(' AND ')} ORDER BY f.id LIMIT $${values.length}`,
    values,
  );
  const read = reader.getRowObjectsJS();
  const page = read.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      finding: JSON.parse(String(r.finding)) as F,
      township: r.township === null ? null : String(r.township),
    })),
    nextCursor: read.length > q.limit && last ? encodeCursor(String(last.id)) : null,
  };
}

export async function selectFindings<F>(
  c: DuckDBConnection,
  runId: number,
  q: FindingQuery,
): Promise<FindingPage<F>> {
  const { rows, nextCursor } = await selectFindingRows<F>(c, runId, q);
  return { findings: rows.map((r) => r.finding), nextCursor };
}
