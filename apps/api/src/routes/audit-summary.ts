import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { FilterParams, storeFilter } from './audit-query.ts';
import { runOr404 } from './audits.ts';
import { BboxParam } from './layer-query.ts';

// GET /api/audits/:id/summary — a run's findings counted for the district view (per
// status, school type, category and township, and the schools with most findings), under
// the district filters. The counting is the store's (SQL); the page draws the charts and
// colours the tiles' townships and schools from it instead of fetching whole layers.

/** Schools listed when the request does not say; enough for the district view's list. */
const DEFAULT_SCHOOLS = 30;
/** At most this many schools per answer: enough to colour the schools in a detail view. */
export const MAX_SCHOOLS = 5_000;
export const SummaryQuery = z.object({
  ...FilterParams,
  bbox: BboxParam.optional().openapi({ description: 'only schools meeting w,s,e,n (degrees)' }),
  schools: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_SCHOOLS)
    .default(DEFAULT_SCHOOLS)
    .openapi({
      param: { name: 'schools', in: 'query' },
      description: 'how many of the schools with most findings to list',
    }),
});

const Count = z.number().int().nonnegative();
export const Summary = z.object({
  runId: z.number().int(),
  total: Count,
  byStatus: z.record(z.string(), Count),
  bySchoolType: z.record(z.string(), Count),
  byCategory: z.array(z.object({ targetKind: z.string(), category: z.string(), count: Count })),
  townships: z.array(z.object({ code: z.string(), name: z.string().nullable(), count: Count })),
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      type: z.string().nullable(),
      township: z.string().nullable(),
      count: Count,
    }),
  ),
  schoolCount: Count.describe('schools with at least one finding under the filters'),
  latestRunId: z
    .number()
    .int()
    .describe('the newest run saved (≥ runId): a client showing an older run asks again'),
});

const RunParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/api/audits/{id}/summary',
  tags: ['audits'],
  summary: 'Findings of a run counted per status, school type, category, township and school',
  request: { params: RunParam, query: SummaryQuery },
  responses: {
    200: { content: { 'application/json': { schema: Summary } }, description: 'OK' },
    400: problem('Invalid filter'),
    404: problem('No such run'),
  },
});

export const auditSummary = new OpenAPIHono<AppEnv>().openapi(summaryRoute, async (c) => {
  const store = c.get('store');
  const { id } = c.req.valid('param');
  await runOr404(store, id);
  const q = c.req.valid('query');
  const summary = await store.findingSummary(id, {
    ...storeFilter(q),
    bbox: q.bbox,
    schoolLimit: q.schools,
  });
  return c.json({ runId: id, ...summary }, 200);
});
