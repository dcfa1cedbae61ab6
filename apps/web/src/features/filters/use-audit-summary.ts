import { useEffect, useState } from 'react';
import type { ApiClient, FindingSummary, SummaryRequest } from '../../api/index.ts';

// The latest audit run's findings counted by the server under a request (filters, bbox,
// how many schools to list). Resolves the latest run first; null summary: no run yet.
// While a new request loads, the previous answer stays (no flicker between filters).

export type SummaryData = { runId: string | null; summary: FindingSummary | null };
export type SummaryLoad =
  | { status: 'loading' }
  | { status: 'loaded'; data: SummaryData }
  | { status: 'failed'; error: unknown };

export async function loadSummary(
  api: ApiClient,
  request: SummaryRequest,
  signal: AbortSignal,
): Promise<SummaryData> {
  const runs = await api.audit.runs(signal);
  const latest = runs?.[0] ?? null;
  if (!latest) return { runId: null, summary: null };
  const runId = String(latest.id);
  return { runId, summary: await api.audit.summary(runId, request, signal) };
}

/** The summary for `request`, or null while `request` is null (nothing asked). */
export function useAuditSummary(
  api: ApiClient,
  request: SummaryRequest | null,
): SummaryLoad | null {
  const [load, setLoad] = useState<SummaryLoad | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    loadSummary(api, JSON.parse(key) as SummaryRequest, abort.signal).then(
      (data) => setLoad({ status: 'loaded', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [api, key]);
  return key === null ? null : (load ?? { status: 'loading' });
}
