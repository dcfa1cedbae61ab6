import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient, FindingSummary, SummaryRequest } from '../../api/index.ts';

// The latest audit run's findings counted by the server under a request (filters, bbox,
// how many schools to list); null summary: no run yet. The latest run's id is the API
// client's, looked up once for every summary (api/latest-run.ts); when it moves on (a run
// saved from the UI, or an answer naming a newer run) every summary is asked again.
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
  const runId = await api.audit.latestRun.get();
  if (runId === null) return { runId: null, summary: null };
  return { runId, summary: await api.audit.summary(runId, request, signal) };
}

/** Bumped each time the client's latest run moves on. */
export function useLatestRunVersion(api: ApiClient): number {
  const { latestRun } = api.audit;
  return useSyncExternalStore(latestRun.subscribe, latestRun.version);
}

/** The summary for `request`, or null while `request` is null (nothing asked). */
export function useAuditSummary(
  api: ApiClient,
  request: SummaryRequest | null,
): SummaryLoad | null {
  const [load, setLoad] = useState<SummaryLoad | null>(null);
  const key = request ? JSON.stringify(request) : null;
  const runVersion = useLatestRunVersion(api);
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    loadSummary(api, JSON.parse(key) as SummaryRequest, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setLoad({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [api, key, runVersion]);
  return key === null ? null : (load ?? { status: 'loading' });
}
