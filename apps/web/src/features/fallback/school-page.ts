import type { ApiClient } from '../../api/index.ts';
import { rowsFromFeatures } from './school-rows.ts';
import type { SchoolRow } from './school-rows.ts';

// One page of the schools layer for the fallback list. Always bounded by a limit, so a
// province (30 000 schools) is never fetched whole; the next page is asked for only when the
// user wants it ("加载更多"). The layers API returns whole features in id order: it can
// neither select properties nor sort by name, so the page is trimmed to rows here and shown
// in the API's order.

/** Schools asked for per page of the list. */
export const SCHOOL_PAGE_SIZE = 30;

export type SchoolPage = { rows: SchoolRow[]; nextCursor: string | null };

export type SchoolPageRequest = {
  cursor: string | null;
  limit?: number;
  signal?: AbortSignal;
};

export async function fetchSchoolPage(
  api: Pick<ApiClient, 'featurePage'>,
  { cursor, limit = SCHOOL_PAGE_SIZE, signal }: SchoolPageRequest,
): Promise<SchoolPage> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`school page limit must be a positive integer, got ${limit}`);
  }
  const page = await api.featurePage('schools', { limit, cursor, signal });
  return { rows: rowsFromFeatures(page.features), nextCursor: page.nextCursor };
}
