import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResponse } from '../../api/index.ts';
import { rowsFromSearch } from './school-rows.ts';
import type { SchoolRow } from './school-rows.ts';
import type { SchoolPage, SchoolPageRequest } from './school-page.ts';

// The fallback's school list at any scale: with no query it browses the schools layer a page
// at a time (more on request); with a query it shows the server's search hits (name, pinyin
// initials, address, admin area). Nothing is ever fetched whole.

/** The most hits GET /api/search hands out in one answer. */
export const SEARCH_LIMIT = 50;
/** Pause after the last keystroke before asking the server, as in the map's search box. */
const DEBOUNCE_MS = 150;

export type SchoolSource = {
  page: (request: SchoolPageRequest) => Promise<SchoolPage>;
  search: (q: string, limit: number, signal?: AbortSignal) => Promise<SearchResponse>;
};

export type Browse = {
  rows: SchoolRow[];
  /** Where the next page starts; null once the last page is in (or before the first). */
  nextCursor: string | null;
  /** At least one page has arrived. */
  loaded: boolean;
  loading: boolean;
  /** Why the last page failed; null when it did not. */
  error: unknown;
};

export type Search =
  | { phase: 'searching'; q: string }
  | { phase: 'done'; q: string; rows: SchoolRow[]; truncated: boolean }
  | { phase: 'failed'; q: string; error: unknown };

const FIRST: Browse = { rows: [], nextCursor: null, loaded: false, loading: true, error: null };

function appendPage(b: Browse, page: SchoolPage): Browse {
  return {
    rows: [...b.rows, ...page.rows],
    nextCursor: page.nextCursor,
    loaded: true,
    loading: false,
    error: null,
  };
}

export function useSchoolList(source: SchoolSource) {
  const [browse, setBrowse] = useState<Browse>(FIRST);
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Search | null>(null);
  const pending = useRef<AbortController | null>(null);

  // The first page, once.
  useEffect(() => {
    const abort = new AbortController();
    source.page({ cursor: null, signal: abort.signal }).then(
      (page) => setBrowse((b) => appendPage(b, page)),
      (error: unknown) => {
        if (!abort.signal.aborted) setBrowse((b) => ({ ...b, loading: false, error }));
      },
    );
    return () => abort.abort();
  }, [source]);
  useEffect(() => () => pending.current?.abort(), []);

  /** The next page after what is shown (or the first again, after it failed). */
  const loadMore = useCallback(() => {
    if (browse.loading || (browse.loaded && browse.nextCursor === null)) return;
    pending.current?.abort();
    const abort = new AbortController();
    pending.current = abort;
    setBrowse((b) => ({ ...b, loading: true, error: null }));
    source.page({ cursor: browse.nextCursor, signal: abort.signal }).then(
      (page) => setBrowse((b) => appendPage(b, page)),
      (error: unknown) => {
        if (!abort.signal.aborted) setBrowse((b) => ({ ...b, loading: false, error }));
      },
    );
  }, [source, browse]);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      source.search(q, SEARCH_LIMIT, abort.signal).then(
        (r) =>
          setAnswer({
            phase: 'done',
            q,
            rows: rowsFromSearch(r.results),
            truncated: r.results.length >= SEARCH_LIMIT,
          }),
        (error: unknown) => {
          if (!abort.signal.aborted) setAnswer({ phase: 'failed', q, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [source, query]);

  // An answer to an older query counts as still searching for the current one.
  const q = query.trim();
  const search: Search | null =
    q === '' ? null : answer && answer.q === q ? answer : { phase: 'searching', q };
  return { query, setQuery, browse, search, loadMore };
}
