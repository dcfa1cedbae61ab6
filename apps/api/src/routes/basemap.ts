import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { acceptsGzip } from './accepts-gzip.ts';
import { ApiProblem, notFound } from '../problem.ts';
import type { BasemapFile } from './basemap-file.ts';

// GET /basemap.json: TileJSON 3.0 of the bureau's own offline basemap (ATLAS_BASEMAP, a
// PMTiles or MBTiles file), built from the file's own description; GET /basemap/{z}/{x}/{y}:
// one of its tiles, typed by the file (png/jpg/webp raster or MVT). 404 for both when no file
// is configured; 204 for a tile the file does not hold (MapLibre draws nothing there). A tile
// stored gzip-compressed (MBTiles vector tiles) goes out as stored with Content-Encoding: gzip
// to a client that accepts it, and decompressed to one that does not.

/** The file does not change while the server runs; a restart may swap it, so revalidate. */
const CACHE_CONTROL = 'public, max-age=3600';
const DIGITS = /^\d{1,10}$/;
/** Deepest zoom a tile address may name (PMTiles' 64-bit tile id, as a JS number). */
const MAX_ZOOM = 26;
const gunzipAsync = promisify(gunzip);

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
  if (z > MAX_ZOOM) throw badTile(`z ${z} is outside 0–${MAX_ZOOM}`, 'z');
  const edge = 2 ** z;
  if (x >= edge) throw badTile(`x ${x} is outside 0..${edge - 1} at zoom ${z}`, 'x');
  if (y >= edge) throw badTile(`y ${y} is outside 0..${edge - 1} at zoom ${z}`, 'y');
  return { z, x, y };
}

/** TileJSON 3.0 for the file; `kind` tells the web app whether it is raster or vector. */
export function basemapTileJson(file: BasemapFile, origin: string) {
  const { info } = file;
  return {
    tilejson: '3.0.0',
    tiles: [`${origin}/basemap/{z}/{x}/{y}`],
    name: info.name ?? '本单位底图',
    attribution: info.attribution,
    description: info.description,
    minzoom: info.minZoom,
    maxzoom: info.maxZoom,
    bounds: info.bounds,
    center: info.center,
    ...(file.kind === 'vector' && info.vectorLayers ? { vector_layers: info.vectorLayers } : {}),
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
      const tile = await file.tile(z, x, y);
      if (!tile) return c.body(null, 204, { 'cache-control': CACHE_CONTROL });
      const headers: Record<string, string> = {
        'content-type': file.contentType,
        'cache-control': CACHE_CONTROL,
      };
      if (tile.encoding !== 'gzip') return c.body(tile.data, 200, headers);
      headers.vary = 'accept-encoding';
      if (acceptsGzip(c.req.header('accept-encoding'))) {
        headers['content-encoding'] = 'gzip';
        return c.body(tile.data, 200, headers);
      }
      return c.body(new Uint8Array(await gunzipAsync(tile.data)), 200, headers);
    })
    .all('/basemap/*', () => {
      throw badTile('expected /basemap/{z}/{x}/{y}', 'path');
    });
}
