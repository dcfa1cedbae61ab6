import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, Finding } from '../../api/index.ts';
import { summaryFilters } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';

// The findings of one township, page by page from GET /api/audits/:id/findings (never the
// whole run), under every district filter: the server filters (several categories,
// statuses, school types), so each page comes back full.

/** Findings asked for per page. */
export const FINDINGS_PAGE_LIMIT = 25;

export type FindingPages = {
  findings: Finding[];
  /** More pages follow. */
  more: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
};

/** The pages read so far under `key`, up to the page asked for with `answered`. */
type Result = {
  key: string;
  answered: string | null;
  findings: Finding[];
  next: string | null;
  error: unknown;
};

export function useFindingPages(
  api: ApiClient,
  runId: string | null,
  filters: Filters,
): FindingPages {
  const key = JSON.stringify([runId, filters]);
  const [asked, setAsked] = useState<{ key: string; cursor: string | null }>({ key, cursor: null });
  const [result, setResult] = useState<Result | null>(null);
  const cursor = asked.key === key ? asked.cursor : null;

  useEffect(() => {
    const [run, f] = JSON.parse(key) as [string | null, Filters];
    if (!run || !f.township) return;
    const abort = new AbortController();
    const request = { ...summaryFilters(f), limit: FINDINGS_PAGE_LIMIT, cursor };
    api.audit.findingsPage(run, request, abort.signal).then(
      (page) => {
        setResult((r) => ({
          key,
          findings: [...(r?.key === key && cursor !== null ? r.findings : []), ...page.findings],
          answered: cursor,
          next: page.nextCursor,
          error: null,
        }));
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setResult((r) => ({
          key,
          answered: cursor,
          findings: r?.key === key ? r.findings : [],
          next: null,
          error,
        }));
      },
    );
    return () => abort.abort();
  }, [api, key, cursor]);

  const current = result?.key === key ? result : null;
  const next = current?.next ?? null;
  const [run, township] = [runId, filters.township];
  const loading = Boolean(run && township) && (!current || current.answered !== cursor);
  const loadMore = useCallback(() => setAsked({ key, cursor: next }), [key, next]);
  return {
    findings: current?.findings ?? [],
    more: next !== null,
    loading,
    error: current?.error ?? null,
    loadMore,
  };
}
