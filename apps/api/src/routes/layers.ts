import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { LAYERS, LAYER_NAMES, Bbox, Point } from '@atlas/model';
import type { LayerName } from '@atlas/model';
import type { AppEnv } from '../app-env.ts';
import { InvalidCursorError } from '@atlas/store';
import { ApiProblem, notFound } from '../problem.ts';
import { LayerQuery, layerFieldsOf } from './layer-query.ts';

// GET /api/layers, /api/layers/:layer (paged GeoJSON), /api/layers/:layer/:id.

const AnyFeature = z.union(LAYER_NAMES.map((l) => LAYERS[l].feature));
const LayerInfo = z.object({
  name: z.enum(LAYER_NAMES as [LayerName, ...LayerName[]]),
  label: z.string(),
  count: z.number().int(),
  bounds: Bbox.nullable(),
});
const LayerList = z.object({
  layers: z.array(LayerInfo),
  demo: z.boolean().describe('true when the data is the fictional demo district (虚构演示数据)'),
});
/** A feature as asked for with `fields`: those properties only, and one point. */
const FieldFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: Point,
    properties: z.record(z.string(), z.unknown()),
  })
  .openapi('FieldFeature');
const FeaturePage = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([AnyFeature, FieldFeature])),
  nextCursor: z.string().nullable(),
});
const LayerParam = z.object({
  layer: z.string().openapi({ param: { name: 'layer', in: 'path' }, example: 'schools' }),
});
const FeatureParam = LayerParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'sch-001' }),
});
const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});

function layerName(raw: string): LayerName {
  if (!(LAYER_NAMES as string[]).includes(raw)) {
    throw notFound(`unknown layer "${raw}"; layers are ${LAYER_NAMES.join(', ')}`);
  }
  return raw as LayerName;
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/layers',
  tags: ['layers'],
  summary: 'Every layer with its feature count and bounds',
  responses: { 200: { content: { 'application/json': { schema: LayerList } }, description: 'OK' } },
});

const pageRoute = createRoute({
  method: 'get',
  path: '/api/layers/{layer}',
  tags: ['layers'],
  summary: 'One page of a layer as GeoJSON: optionally within a bbox, by name, some fields',
  request: { params: LayerParam, query: LayerQuery },
  responses: {
    200: { content: { 'application/geo+json': { schema: FeaturePage } }, description: 'OK' },
    400: problemResponse('Invalid bbox, limit, cursor, sort or fields'),
    404: problemResponse('Unknown layer'),
  },
});

const featureRoute = createRoute({
  method: 'get',
  path: '/api/layers/{layer}/{id}',
  tags: ['layers'],
  summary: 'One feature by id',
  request: { params: FeatureParam },
  responses: {
    200: { content: { 'application/geo+json': { schema: AnyFeature } }, description: 'OK' },
    404: problemResponse('Unknown layer or feature'),
  },
});

export const layers = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const store = c.get('store');
    const stats = await store.stats();
    const demo = (await store.getMeta('demo')) === 'true';
    const list = stats.map(({ layer, count, bounds }) => ({
      name: layer,
      label: LAYERS[layer].label,
      count,
      bounds,
    }));
    return c.json({ layers: list, demo }, 200);
  })
  .openapi(pageRoute, async (c) => {
    const layer = layerName(c.req.valid('param').layer);
    const { fields, ...q } = c.req.valid('query');
    const store = c.get('store');
    const page = await (
      fields ? store.queryFields(layer, layerFieldsOf(layer, fields), q) : store.query(layer, q)
    ).catch((err: unknown) => {
      if (err instanceof InvalidCursorError) {
        throw new ApiProblem(
          400,
          'invalid-request',
          '请求参数无效 Invalid request',
          `Invalid cursor: ${err.message}`,
          [{ row: null, field: 'cursor', reason: err.message, severity: 'error' }],
        );
      }
      throw err;
    });
    return c.json({ type: 'FeatureCollection' as const, ...page }, 200, {
      'content-type': 'application/geo+json; charset=utf-8',
    });
  })
  .openapi(featureRoute, async (c) => {
    const { layer: raw, id } = c.req.valid('param');
    const layer = layerName(raw);
    const feature = await c.get('store').get(layer, id);
    if (!feature) throw notFound(`no ${layer} feature with id "${id}"`);
    return c.json(feature, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
  });
