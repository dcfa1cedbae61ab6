import type { InferResponseType, hc } from 'hono/client';
import type { AppType } from '@atlas/api';
import type { Bbox } from '@atlas/model';
import type { Finding } from '@atlas/audit';
import { getJson } from './http.ts';
import type { Fetch } from './http.ts';

// The district view's endpoints: a run's findings counted by the server
// (GET /api/audits/:id/summary, typed from the API itself) and one page of a run's findings
// (GET /api/audits/:id/findings) for the lists. Nothing here loads a whole run.

type Client = ReturnType<typeof hc<AppType>>;
export type FindingSummary = InferResponseType<
  Client['api']['audits'][':id']['summary']['$get'],
  200
>;

/** What the summary is asked for; empty lists and absent fields mean "all". */
export type SummaryRequest = {
  categories?: readonly string[];
  statuses?: readonly string[];
  schoolTypes?: readonly string[];
  township?: string | null;
  bbox?: Bbox | null;
  /** How many of the schools with most findings to list. */
  schools?: number;
};

/** One page of findings: the filters the findings route takes (one value each). */
export type FindingsPageRequest = {
  township?: string;
  school?: string;
  category?: string;
  status?: string;
  limit: number;
  cursor?: string | null;
};
export type FindingsPage = { findings: Finding[]; nextCursor: string | null };

/** The summary's query string, with list parameters comma-separated. */
export function summaryQuery(r: SummaryRequest): URLSearchParams {
  const q = new URLSearchParams();
  const list = (name: string, values: readonly string[] | undefined) => {
    if (values?.length) q.set(name, values.join(','));
  };
  list('category', r.categories);
  list('status', r.statuses);
  list('schoolType', r.schoolTypes);
  if (r.township) q.set('township', r.township);
  if (r.bbox) q.set('bbox', r.bbox.join(','));
  if (r.schools !== undefined) q.set('schools', String(r.schools));
  return q;
}

export function summaryClient(fetchFn: Fetch, base = '') {
  const run = (runId: string) => `${base}/api/audits/${encodeURIComponent(runId)}`;
  return {
    summary(runId: string, r: SummaryRequest, signal?: AbortSignal): Promise<FindingSummary> {
      return getJson<FindingSummary>(fetchFn, `${run(runId)}/summary?${summaryQuery(r)}`, signal);
    },

    findingsPage(runId: string, r: FindingsPageRequest, signal?: AbortSignal) {
      const q = new URLSearchParams({ limit: String(r.limit) });
      for (const key of ['township', 'school', 'category', 'status', 'cursor'] as const) {
        const value = r[key];
        if (value) q.set(key, value);
      }
      return getJson<FindingsPage>(fetchFn, `${run(runId)}/findings?${q}`, signal);
    },
  };
}
