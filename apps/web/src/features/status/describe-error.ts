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
  return error instanceof Error ? error.message : String(error);
}
