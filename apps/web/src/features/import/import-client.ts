import type { InferResponseType, hc } from 'hono/client';
import type { AppType } from '@atlas/api';
import type { ImportProgress, Overrides } from '@atlas/import';
import type { LayerName, ProblemDetails } from '@atlas/model';
import { ApiError } from '../../api/index.ts';
import type { Fetch } from '../../api/index.ts';

// The import endpoints of the API, typed from the API itself (hono's client types):
// POST /api/imports (multipart → a preview job), GET /api/imports/:id,
// GET /api/imports/:id/events (Server-Sent Events) and POST /api/imports/:id/commit.

type Client = ReturnType<typeof hc<AppType>>;
export type ImportJob = InferResponseType<Client['api']['imports'][':id']['$get'], 200>;
export type ImportReport = NonNullable<ImportJob['preview']>;
export type { ImportProgress, Overrides };

/** What the user chose in the upload form; the JSON options go as form fields. */
export type UploadRequest = {
  file: File;
  layer: LayerName;
  source?: string;
  overrides?: Overrides;
};

/** Resting states: the job waits for the user (or is finished). */
const RESTING = new Set<ImportJob['status']>([
  'previewed',
  'committed',
  'rejected',
  'error',
  'cancelled',
  'interrupted',
]);
export const isResting = (status: ImportJob['status']) => RESTING.has(status);

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.title === 'string' && typeof b.status === 'number';
}

/** Send a request and read its JSON; failures become an ApiError carrying the problem+json. */
async function send<T>(fetchFn: Fetch, url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError('network', url, null, null);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.ok ? 'parse' : 'http', url, response.status, null);
  }
  if (!response.ok) throw new ApiError('http', url, response.status, isProblem(body) ? body : null);
  return body as T;
}

export function importClient(fetchFn: Fetch = (input, init) => fetch(input, init), base = '') {
  const jobUrl = (id: string) => `${base}/api/imports/${encodeURIComponent(id)}`;
  return {
    /** POST /api/imports: upload the file; the preview runs in the background (202). */
    upload({ file, layer, source, overrides = {} }: UploadRequest): Promise<ImportJob> {
      const form = new FormData();
      form.set('file', file, file.name);
      form.set('layer', layer);
      if (source) form.set('source', source);
      if (overrides.crs) form.set('crs', overrides.crs);
      if (overrides.swapXY !== undefined) form.set('swapXY', String(overrides.swapXY));
      if (overrides.mapping) form.set('mapping', JSON.stringify(overrides.mapping));
      if (overrides.categoryMapping)
        form.set('categoryMapping', JSON.stringify(overrides.categoryMapping));
      return send<ImportJob>(fetchFn, `${base}/api/imports`, { method: 'POST', body: form });
    },

    /** GET /api/imports/:id: the job as it is now (the polling fallback of the events). */
    job(id: string, signal?: AbortSignal): Promise<ImportJob> {
      return send<ImportJob>(fetchFn, jobUrl(id), { signal });
    },

    /** POST /api/imports/:id/commit: write everything in one transaction, or nothing (422). */
    commit(id: string, overrides: Overrides): Promise<ImportJob> {
      return send<ImportJob>(fetchFn, `${jobUrl(id)}/commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(overrides),
      });
    },

    /** Where the job's Server-Sent Events are. */
    eventsUrl: (id: string) => `${jobUrl(id)}/events`,
  };
}

export type ImportClient = ReturnType<typeof importClient>;
