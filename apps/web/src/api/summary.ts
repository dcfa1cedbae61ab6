import type { InferResponseType, hc } from 'hono/client';
import type { AppType } from '@atlas/api';
import type { Bbox } from '@atlas/model';
import type { Finding } from '@atlas/audit';
import { getJson } from './http.ts';
import type { Fetch } from './http.ts';
import type { LatestRun } from './latest-run.ts';

// The district view's endpoints: a run's findings counted by the server
// (GET /api/audits/:id/summary, typed from the API itself) and one page of a run's findings
// (GET /api/audits/:id/findings) for the lists, filtered by the server alike. Nothing here
// loads a whole run. A summary naming a newer run than the one asked about moves the
// client's latest run on (latest-run.ts).

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

/** One page of findings under the filters (empty lists and absent fields mean "all"). */
export type FindingsPageRequest = {
  township?: string | null;
  school?: string;
  categories?: readonly string[];
  statuses?: readonly string[];
  schoolTypes?: readonly string[];
  limit: number;
  cursor?: string | null;
};
export type FindingsPage = { findings: Finding[]; nextCursor: string | null };

type FilterRequest = Pick<SummaryRequest, 'categories' | 'statuses' | 'schoolTypes' | 'township'>;

/** The district filters as query parameters, lists comma-separated (as both routes take them). */
function setFilters(q: URLSearchParams, r: FilterRequest): void {
  const list = (name: string, values: readonly string[] | undefined) => {
    if (values?.length) q.set(name, values.join(','));
  };
  list('category', r.categories);
  list('status', r.statuses);
  list('schoolType', r.schoolTypes);
  if (r.township) q.set('township', r.township);
}

/** The summary's query string, with list parameters comma-separated. */
export function summaryQuery(r: SummaryRequest): URLSearchParams {
  const q = new URLSearchParams();
  setFilters(q, r);
  if (r.bbox) q.set('bbox', r.bbox.join(','));
  if (r.schools !== undefined) q.set('schools', String(r.schools));
  return q;
}

/** latest: told of a newer run when a summary names one (null: nobody to tell). */
export function summaryClient(fetchFn: Fetch, base = '', latest: LatestRun | null = null) {
  const run = (runId: string) => `${base}/api/audits/${encodeURIComponent(runId)}`;
  return {
    async summary(runId: string, r: SummaryRequest, signal?: AbortSignal): Promise<FindingSummary> {
      const url = `${run(runId)}/summary?${summaryQuery(r)}`;
      const summary = await getJson<FindingSummary>(fetchFn, url, signal);
      if (summary.latestRunId > Number(runId)) latest?.saw(String(summary.latestRunId));
      return summary;
    },

    findingsPage(runId: string, r: FindingsPageRequest, signal?: AbortSignal) {
      const q = new URLSearchParams({ limit: String(r.limit) });
      setFilters(q, r);
      if (r.school) q.set('school', r.school);
      if (r.cursor) q.set('cursor', r.cursor);
      return getJson<FindingsPage>(fetchFn, `${run(runId)}/findings?${q}`, signal);
    },
  };
}
