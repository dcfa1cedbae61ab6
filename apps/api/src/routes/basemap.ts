import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { ApiProblem, notFound } from '../problem.ts';
import type { BasemapFile } from './basemap-file.ts';

// GET /basemap.json: TileJSON 3.0 of the bureau's own offline basemap (ATLAS_BASEMAP), built
// from the PMTiles header and metadata; GET /basemap/{z}/{x}/{y}: one of its tiles, typed by
// the header (png/jpg/webp raster or MVT). 404 for both when no file is configured; 204 for
// a tile the archive does not hold (MapLibre draws nothing there).

/** The file does not change while the server runs; a restart may swap it, so revalidate. */
const CACHE_CONTROL = 'public, max-age=3600';
const DIGITS = /^\d{1,10}$/;
/** Deepest zoom a PMTiles tile id can address (the spec's 64-bit id, as a JS number). */
const PMTILES_MAX_ZOOM = 26;

function badTile(detail: string, field: string): ApiProblem {
  return new ApiProblem(400, 'invalid-request', '请求参数无效 Invalid request', detail, [
    { row: null, field, reason: detail, severity: 'error' },
  ]);
}

function parseTile(params: { z: string; x: string; y: string }) {
  for (const field of ['z', 'x', 'y'] as const) {
    if (!DIGITS.test(params[field]))
      throw badTile(`${field} "${params[field]}" is not a whole number`, field);
  }
  const [z, x, y] = [Number(params.z), Number(params.x), Number(params.y)];
  if (z > PMTILES_MAX_ZOOM) throw badTile(`z ${z} is outside 0–${PMTILES_MAX_ZOOM}`, 'z');
  const edge = 2 ** z;
  if (x >= edge) throw badTile(`x ${x} is outside 0..${edge - 1} at zoom ${z}`, 'x');
  if (y >= edge) throw badTile(`y ${y} is outside 0..${edge - 1} at zoom ${z}`, 'y');
  return { z, x, y };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** TileJSON 3.0 for the file; `kind` tells the web app whether it is raster or vector. */
export function basemapTileJson(file: BasemapFile, origin: string) {
  const { header: h, metadata: m } = file;
  return {
    tilejson: '3.0.0',
    tiles: [`${origin}/basemap/{z}/{x}/{y}`],
    name: text(m.name) ?? '本单位底图',
    attribution: text(m.attribution),
    description: text(m.description),
    minzoom: h.minZoom,
    maxzoom: h.maxZoom,
    bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
    center: [h.centerLon, h.centerLat, h.centerZoom],
    ...(file.kind === 'vector' && Array.isArray(m.vector_layers)
      ? { vector_layers: m.vector_layers as unknown[] }
      : {}),
    kind: file.kind,
    format: file.contentType,
  };
}

export function basemapRoutes(file: BasemapFile | null) {
  const none = () => notFound('no offline basemap is configured (ATLAS_BASEMAP)');
  return new OpenAPIHono<AppEnv>()
    .get('/basemap.json', (c) => {
      if (!file) throw none();
      return c.json(basemapTileJson(file, new URL(c.req.url).origin), 200, {
        'cache-control': CACHE_CONTROL,
      });
    })
    .get('/basemap/:z/:x/:y', async (c) => {
      if (!file) throw none();
      const { z, x, y } = parseTile(c.req.param());
      const body = await file.tile(z, x, y);
      if (!body) return c.body(null, 204, { 'cache-control': CACHE_CONTROL });
      return c.body(body, 200, {
        'content-type': file.contentType,
        'cache-control': CACHE_CONTROL,
      });
    })
    .all('/basemap/*', () => {
      throw badTile('expected /basemap/{z}/{x}/{y}', 'path');
    });
}
