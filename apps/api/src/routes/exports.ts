import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { LAYER_NAMES, type LayerName } from '@atlas/model';
import { exportLayer } from '@atlas/import';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../problem.ts';

// GET /api/layers/:layer/export?format=geojson|csv|xlsx — a whole layer as a download.

const ExportQuery = z.object({
  format: z.enum(['geojson', 'csv', 'xlsx']).default('geojson').openapi({ example: 'csv' }),
});
const LayerParam = z.object({
  layer: z.string().openapi({ param: { name: 'layer', in: 'path' }, example: 'stores' }),
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/layers/{layer}/export',
  tags: ['layers'],
  summary: 'A whole layer as GeoJSON, CSV (UTF-8 with BOM) or XLSX',
  request: { params: LayerParam, query: ExportQuery },
  responses: {
    200: { description: 'The file, streamed' },
    400: {
      content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
      description: 'Unknown format',
    },
    404: {
      content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
      description: 'Unknown layer',
    },
  },
});

export function exportRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(exportRoute, (c) => {
    const { layer } = c.req.valid('param');
    if (!(LAYER_NAMES as string[]).includes(layer))
      throw notFound(`unknown layer "${layer}"; layers are ${LAYER_NAMES.join(', ')}`);
    const { format } = c.req.valid('query');
    const out = exportLayer(c.get('store'), layer as LayerName, format);
    return c.body(Readable.toWeb(out.body) as ReadableStream, 200, {
      'content-type': out.contentType,
      'content-disposition': `attachment; filename="${out.fileName}"`,
    });
  });
}
