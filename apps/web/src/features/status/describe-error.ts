import { ApiError } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';

const HTTP_SERVER_ERROR = 500;

/** A failure in words a user can act on; the server's own detail is kept when it sent one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t.errors.network;
    if (error.problem) {
      const head = t.errors.httpStatus(error.problem.status, error.problem.title);
      return error.problem.detail ? `${head}：${error.problem.detail}` : head;
    }
    const status = error.status ?? 0;
    return status >= HTTP_SERVER_ERROR
      ? t.errors.serverUnavailable(status)
      : t.errors.badResponse(status);
  }
  // MapLibre's failed tile or TileJSON requests (AJAXError) carry the HTTP status (0: none).
  const status = (error as { status?: unknown } | null)?.status;
  if (error instanceof Error && typeof status === 'number') {
    if (status === 0) return t.errors.network;
    return status >= HTTP_SERVER_ERROR
      ? t.errors.serverUnavailable(status)
      : t.errors.badResponse(status);
  }
  return error instanceof Error ? error.message : String(error);
}
