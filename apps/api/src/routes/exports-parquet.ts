import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { exportParquetZip } from '@atlas/import';
import type { AppEnv } from '../app-env.ts';

// GET /api/export/parquet — the whole database as a zip of GeoParquet files, one per
// non-empty layer (geometry as WKB with GeoParquet `geo` metadata), streamed.

const parquetRoute = createRoute({
  method: 'get',
  path: '/api/export/parquet',
  tags: ['layers'],
  summary: 'Every non-empty layer as GeoParquet, zipped',
  responses: { 200: { description: 'atlas-parquet.zip, streamed' } },
});

export const parquetExport = new OpenAPIHono<AppEnv>().openapi(parquetRoute, async (c) => {
  const out = await exportParquetZip(c.get('store'));
  c.get('log').info({ files: out.files.map((f) => [f.layer, f.rows]) }, 'parquet export');
  return c.body(Readable.toWeb(out.body) as ReadableStream, 200, {
    'content-type': out.contentType,
    'content-disposition': `attachment; filename="${out.fileName}"`,
  });
});
