import type { ProblemDetails } from '@atlas/model';

// One way to GET JSON from the API. Failures become an ApiError that says what kind of
// failure it was; the UI turns that into words (features/status/describe-error.ts).

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiErrorKind = 'network' | 'http' | 'parse';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly url: string,
    readonly status: number | null,
    readonly problem: ProblemDetails | null,
  ) {
    super(`${kind} error for ${url}${status === null ? '' : ` (HTTP ${status})`}`);
    this.name = 'ApiError';
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.title === 'string' && typeof b.status === 'number';
}

export async function getJson<T>(fetchFn: Fetch, url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
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
