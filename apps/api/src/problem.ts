import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { DataProblem, ProblemDetails } from '@atlas/model';
import { problemsFromZod } from '@atlas/model';
import type { Logger } from 'pino';

// Every error leaves the API as RFC 9457 problem+json. Routes throw ApiProblem (or let zod
// validation fail); one onError turns anything else into a 500 without leaking internals.

const PROBLEM_TYPE = 'urn:atlas:problem:';

export class ApiProblem extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly problems?: DataProblem[],
  ) {
    super(status, { message: detail ?? title });
  }
}

export function problemResponse(c: Context, p: ProblemDetails): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

export function notFound(what: string): ApiProblem {
  return new ApiProblem(404, 'not-found', '未找到 Not found', what);
}

/** zod-openapi hook: a failed request validation becomes a 400 naming every bad field. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context,
) {
  if (result.success) return;
  const problems = problemsFromZod(result.error);
  const fields = [...new Set(problems.map((p) => p.field ?? '(request)'))].join(', ');
  return problemResponse(c, {
    type: `${PROBLEM_TYPE}invalid-request`,
    title: '请求参数无效 Invalid request',
    status: 400,
    detail: `Invalid ${fields}: ${problems.map((p) => `${p.field ?? 'request'}: ${p.reason}`).join('; ')}`,
    instance: c.req.path,
    problems,
  });
}

export function onError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiProblem) {
      return problemResponse(c, {
        type: `${PROBLEM_TYPE}${err.slug}`,
        title: err.title,
        status: err.status,
        ...(err.detail ? { detail: err.detail } : {}),
        instance: c.req.path,
        ...(err.problems ? { problems: err.problems } : {}),
      });
    }
    if (err instanceof HTTPException) {
      return problemResponse(c, {
        type: `${PROBLEM_TYPE}http-${err.status}`,
        title: err.message || 'HTTP error',
        status: err.status,
        instance: c.req.path,
      });
    }
    log.error({ err, path: c.req.path }, 'unhandled error');
    return problemResponse(c, {
      type: `${PROBLEM_TYPE}internal`,
      title: '服务器内部错误 Internal server error',
      status: 500,
      instance: c.req.path,
    });
  };
}
