import type { ApiClient } from '../../api/index.ts';
import { rowsFromFeatures } from './school-rows.ts';
import type { SchoolRow } from './school-rows.ts';

// One page of the schools layer for the fallback list. Always bounded by a limit, so a
// province (30 000 schools) is never fetched whole; the next page is asked for only when the
// user wants it ("加载更多"). The API sorts by name in pinyin order (so the list can be scanned
// like a phone book) and sends only what a row shows: name, address and a point, never the
// campus outline or gates.

/** Schools asked for per page of the list. */
export const SCHOOL_PAGE_SIZE = 30;
/** The school properties one row of the list shows. */
export const SCHOOL_ROW_FIELDS = ['name', 'address'] as const;

export type SchoolPage = { rows: SchoolRow[]; nextCursor: string | null };

export type SchoolPageRequest = {
  cursor: string | null;
  limit?: number;
  signal?: AbortSignal;
};

export async function fetchSchoolPage(
  api: Pick<ApiClient, 'fieldPage'>,
  { cursor, limit = SCHOOL_PAGE_SIZE, signal }: SchoolPageRequest,
): Promise<SchoolPage> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`school page limit must be a positive integer, got ${limit}`);
  }
  const page = await api.fieldPage('schools', {
    fields: SCHOOL_ROW_FIELDS,
    sort: 'name',
    limit,
    cursor,
    signal,
  });
  return { rows: rowsFromFeatures(page.features), nextCursor: page.nextCursor };
}
