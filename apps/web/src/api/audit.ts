import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Finding } from '@atlas/audit';
import { ApiError, getJson } from './http.ts';
import type { Fetch } from './http.ts';
import { latestRunTracker } from './latest-run.ts';
import { summaryClient } from './summary.ts';

// The perimeter audit's endpoints: a school's findings from the latest run, its safety-zone
// rings, the runs (and starting one), and (summary.ts) a run's counts and pages for the
// district view. The latest run's id is looked up once and shared (latestRun, see
// latest-run.ts); a run started here moves it on. A 404 means "no audit yet" (or an API
// without the audit), which the UI says in words; it is not an error.

export type { Finding };
export type ZoneProperties = {
  distanceM?: number;
  limitM?: number;
  ruleId?: string;
  label?: string;
} & Record<string, unknown>;
export type Zones = FeatureCollection<Geometry, ZoneProperties>;
export type AuditRunSummary = {
  id: string | number;
  profileId?: string;
  startedAt?: string;
  finishedAt?: string;
} & Record<string, unknown>;

const HTTP_NOT_FOUND = 404;

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) return null;
    throw error;
  }
}

/** Lists come as a bare array or wrapped as { findings | items | runs | features: [...] }. */
function listOf<T>(body: unknown, keys: readonly string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    for (const key of keys) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as T[];
    }
  }
  throw new Error(`expected a list (${keys.join(' | ')}) from the audit API`);
}

/** What starting a run takes: a profile id (or a whole edited profile), optionally a subset. */
export type StartRunRequest = {
  profile: string | Record<string, unknown>;
  schools?: string[];
  bbox?: [number, number, number, number];
};

export function auditClient(fetchFn: Fetch, base = '') {
  const get = <T>(path: string, signal?: AbortSignal) =>
    getJson<T>(fetchFn, `${base}${path}`, signal);
  const runs = async (signal?: AbortSignal): Promise<AuditRunSummary[] | null> => {
    const body = await orNull(get<unknown>('/api/audits', signal));
    return body === null ? null : listOf<AuditRunSummary>(body, ['runs', 'audits', 'items']);
  };
  const latestRun = latestRunTracker(async () => {
    const newest = (await runs())?.[0];
    return newest ? String(newest.id) : null;
  });
  return {
    ...summaryClient(fetchFn, base, latestRun), // counts and pages for the district view
    /** The latest run's id, shared by every view of this client (latest-run.ts). */
    latestRun,
    /** Audit runs, newest first as the API lists them; null when the API has none. */
    runs,

    /** Run the audit over the stored data and keep the run; it becomes the latest run. */
    async startRun(request: StartRunRequest, signal?: AbortSignal): Promise<AuditRunSummary> {
      const post: Fetch = (url, init) =>
        fetchFn(url, {
          ...init,
          method: 'POST',
          headers: { ...init?.headers, 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
      const run = await getJson<AuditRunSummary>(post, `${base}/api/audits`, signal);
      latestRun.saw(String(run.id));
      return run;
    },

    /** Findings of the latest run for one school, or null when there is no run. */
    async schoolFindings(schoolId: string, signal?: AbortSignal): Promise<Finding[] | null> {
      const body = await orNull(
        get<unknown>(`/api/schools/${encodeURIComponent(schoolId)}/findings`, signal),
      );
      return body === null ? null : listOf<Finding>(body, ['findings', 'items']);
    },

    /** The school's perimeter rings, one per rule distance, or null when not available. */
    async schoolZones(
      schoolId: string,
      signal?: AbortSignal,
    ): Promise<Feature<Geometry, ZoneProperties>[] | null> {
      const body = await orNull(
        get<unknown>(`/api/schools/${encodeURIComponent(schoolId)}/zones`, signal),
      );
      return body === null ? null : listOf<Feature<Geometry, ZoneProperties>>(body, ['features']);
    },
  };
}
