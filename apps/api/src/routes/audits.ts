import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Finding, auditAndSave } from '@atlas/audit';
import { Bbox } from '@atlas/model';
import type { AtlasStore, AuditRun } from '@atlas/store';
import { InvalidCursorError } from '@atlas/store';
import type { AppEnv } from '../app-env.ts';
import { ApiProblem, notFound } from '../problem.ts';
import { FilterParams, storeFilter } from './audit-query.ts';
import { resolveProfileOr400 } from './profiles-library.ts';
import { CursorParam, limitParam } from './layer-query.ts';

// POST /api/audits (run and persist), GET /api/audits, GET /api/audits/:id,
// GET /api/audits/:id/findings (filtered, paged), GET /api/audits/:a/diff/:b.

const AuditRequest = z.object({
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).openapi({
    description: 'a profile id, or a whole edited profile (what-if)',
    example: 'hubei',
  }),
  schools: z.array(z.string().min(1)).min(1).optional().describe('only these school ids'),
  bbox: Bbox.optional().describe('only schools touching [west, south, east, north]'),
});
const RunSummary = z.object({
  id: z.number().int(),
  profileId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  filter: z.unknown(),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
  }),
  summary: z.unknown().describe('input sizes, un-auditable schools, rules not applied, timings'),
});
const RunDetail = RunSummary.extend({ profile: z.unknown().describe('the resolved profile') });
const RunParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const DiffParam = z.object({
  a: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'a', in: 'path' }, example: 1 }),
  b: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'b', in: 'path' }, example: 2 }),
});
export const FindingQuery = z.object({
  school: z
    .string()
    .min(1)
    .optional()
    .openapi({ param: { name: 'school', in: 'query' }, description: 'school id' }),
  ...FilterParams,
  limit: limitParam(),
  cursor: CursorParam,
});
const FindingPage = z.object({ findings: z.array(Finding), nextCursor: z.string().nullable() });
const Diff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  new: z.array(Finding),
  resolved: z.array(Finding),
  changed: z.array(z.object({ before: Finding, after: Finding })),
});
const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});
const ok = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  description: 'OK',
});

const summaryOf = ({ profile: _profile, ...rest }: AuditRun) => rest;

export async function runOr404(store: AtlasStore, id: number): Promise<AuditRun> {
  const run = await store.getAuditRun(id);
  if (!run) throw notFound(`no audit run ${id}`);
  return run;
}

const postRoute = createRoute({
  method: 'post',
  path: '/api/audits',
  tags: ['audits'],
  summary: 'Run the perimeter audit over the stored data and keep the run',
  request: { body: { content: { 'application/json': { schema: AuditRequest } } } },
  responses: {
    201: { content: { 'application/json': { schema: RunSummary } }, description: 'Created' },
    400: problemResponse('Invalid request or profile: every problem listed'),
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/audits',
  tags: ['audits'],
  summary: 'Every audit run, newest first',
  responses: { 200: ok(z.object({ runs: z.array(RunSummary) })) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/audits/{id}',
  tags: ['audits'],
  summary: 'One audit run with the profile it applied',
  request: { params: RunParam },
  responses: { 200: ok(RunDetail), 404: problemResponse('No such run') },
});
const findingsRoute = createRoute({
  method: 'get',
  path: '/api/audits/{id}/findings',
  tags: ['audits'],
  summary:
    'Findings of a run, filtered in the store (lists: any of) and paged in id order; every page but the last is full',
  request: { params: RunParam, query: FindingQuery },
  responses: {
    200: ok(FindingPage),
    400: problemResponse('Invalid filter or cursor'),
    404: problemResponse('No such run'),
  },
});
const diffRoute = createRoute({
  method: 'get',
  path: '/api/audits/{a}/diff/{b}',
  tags: ['audits'],
  summary: 'What changed from run a to run b: new, resolved and changed findings',
  request: { params: DiffParam },
  responses: { 200: ok(Diff), 404: problemResponse('No such run') },
});

export const audits = new OpenAPIHono<AppEnv>()
  .openapi(postRoute, async (c) => {
    const store = c.get('store');
    const { profile, schools = null, bbox = null } = c.req.valid('json');
    const resolved = await resolveProfileOr400(store, profile);
    const { run } = await auditAndSave(store, resolved, { schools, bbox });
    c.get('log').info({ run: run.id, counts: run.counts }, 'audit run saved');
    return c.json(summaryOf(run), 201);
  })
  .openapi(listRoute, async (c) => {
    const runs = await c.get('store').listAuditRuns();
    return c.json({ runs: runs.map(summaryOf) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const run = await runOr404(c.get('store'), c.req.valid('param').id);
    return c.json(run, 200);
  })
  .openapi(findingsRoute, async (c) => {
    const store = c.get('store');
    const { id } = c.req.valid('param');
    await runOr404(store, id);
    const { school, limit, cursor, ...filters } = c.req.valid('query');
    const page = await store
      .queryFindings<Finding>(id, { school, limit, cursor, ...storeFilter(filters) })
      .catch((err: unknown) => {
        if (err instanceof InvalidCursorError)
          throw new ApiProblem(
            400,
            'invalid-request',
            '请求参数无效 Invalid request',
            err.message,
            [{ row: null, field: 'cursor', reason: err.message, severity: 'error' }],
          );
        throw err;
      });
    return c.json(page, 200);
  })
  .openapi(diffRoute, async (c) => {
    const store = c.get('store');
    const { a, b } = c.req.valid('param');
    await runOr404(store, a);
    await runOr404(store, b);
    const diff = await store.diffRuns<Finding>(a, b);
    return c.json({ from: a, to: b, ...diff }, 200);
  });
