import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Finding, perimeterZones } from '@atlas/audit';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../problem.ts';
import { resolveProfileOr400 } from './profiles-library.ts';

// Per school: GET /api/schools/:id/findings (from the latest audit run) and
// GET /api/schools/:id/zones (perimeter zones as geodesic rings, GeoJSON, for export).

/** Zones are drawn for this profile when no run exists yet to say which one is in use. */
const FALLBACK_PROFILE_ID = 'hubei';
const FINDINGS_PER_SCHOOL_MAX = 10_000;

const IdParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'sch-001' }),
});
const ZoneQuery = z.object({
  profile: z
    .string()
    .min(1)
    .optional()
    .openapi({
      param: { name: 'profile', in: 'query' },
      description: 'profile id; default: the latest run’s profile',
    }),
});
const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});

const findingsRoute = createRoute({
  method: 'get',
  path: '/api/schools/{id}/findings',
  tags: ['audits'],
  summary: 'A school’s findings in the latest audit run (empty when no run exists)',
  request: { params: IdParam },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ runId: z.number().int().nullable(), findings: z.array(Finding) }),
        },
      },
      description: 'OK',
    },
    404: problemResponse('No such school'),
  },
});
const zonesRoute = createRoute({
  method: 'get',
  path: '/api/schools/{id}/zones',
  tags: ['audits'],
  summary: 'Perimeter zones of a school: geodesic rings at each rule distance (GeoJSON)',
  request: { params: IdParam, query: ZoneQuery },
  responses: {
    200: {
      content: { 'application/geo+json': { schema: z.object({}).passthrough() } },
      description: 'FeatureCollection of zones; `missing` lists zones the school cannot support',
    },
    400: problemResponse('Unknown or invalid profile'),
    404: problemResponse('No such school'),
  },
});

export const zones = new OpenAPIHono<AppEnv>()
  .openapi(findingsRoute, async (c) => {
    const store = c.get('store');
    const { id } = c.req.valid('param');
    if (!(await store.get('schools', id))) throw notFound(`no school "${id}"`);
    const latest = (await store.listAuditRuns())[0];
    if (!latest) return c.json({ runId: null, findings: [] }, 200);
    const page = await store.queryFindings<Finding>(latest.id, {
      school: id,
      limit: FINDINGS_PER_SCHOOL_MAX,
    });
    return c.json({ runId: latest.id, findings: page.findings }, 200);
  })
  .openapi(zonesRoute, async (c) => {
    const store = c.get('store');
    const { id } = c.req.valid('param');
    const school = await store.get('schools', id);
    if (!school) throw notFound(`no school "${id}"`);
    const profileId =
      c.req.valid('query').profile ??
      (await store.listAuditRuns())[0]?.profileId ??
      FALLBACK_PROFILE_ID;
    const profile = await resolveProfileOr400(store, profileId);
    const { features, missing } = perimeterZones(school, profile);
    return c.json({ type: 'FeatureCollection', profileId, features, missing }, 200, {
      'content-type': 'application/geo+json; charset=utf-8',
      'content-disposition': `inline; filename="zones-${id}.geojson"`,
    });
  });
