import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isValidTile, MAX_ZOOM, type TileCoord, type TileSource } from '@atlas/tiles';
import type { AppEnv } from '../app-env.ts';
import { acceptsGzip } from './accepts-gzip.ts';
import { ApiProblem } from '../problem.ts';

// GET /tiles/{z}/{x}/{y}.mvt (or .pbf): one Mapbox Vector Tile; GET /tiles.json: TileJSON.
// Strong ETag per representation (identity or gzip) with 304; 204 for an empty tile.

const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
/**
 * Browsers and CDNs may store a tile but must revalidate it on every use (a 304 costs a
 * hash compare): an edit must never leave a stale tile anywhere, and the ETag is cheap.
 */
const CACHE_CONTROL = 'public, no-cache';
const TILE_FILE = /^(\d{1,10})\.(mvt|pbf)$/;
const DIGITS = /^\d{1,10}$/;
const GZIP_SUFFIX = '-gz';

function badTile(detail: string, field: string): ApiProblem {
  return new ApiProblem(400, 'invalid-request', '请求参数无效 Invalid request', detail, [
    { row: null, field, reason: detail, severity: 'error' },
  ]);
}

function parseTile(z: string, x: string, file: string): TileCoord {
  const match = TILE_FILE.exec(file);
  if (!DIGITS.test(z)) throw badTile(`z "${z}" is not a whole number`, 'z');
  if (!DIGITS.test(x)) throw badTile(`x "${x}" is not a whole number`, 'x');
  if (!match) throw badTile(`"${file}" is not {y}.mvt or {y}.pbf with a whole number y`, 'y');
  const tile = { z: Number(z), x: Number(x), y: Number(match[1]) };
  if (tile.z > MAX_ZOOM) throw badTile(`z ${tile.z} is outside 0–${MAX_ZOOM}`, 'z');
  if (!isValidTile(tile)) {
    const field = tile.x >= 2 ** tile.z ? 'x' : 'y';
    throw badTile(
      `${field} ${tile[field]} is outside 0..${2 ** tile.z - 1} at zoom ${tile.z}`,
      field,
    );
  }
  return tile;
}

/** If-None-Match matches either representation's tag (weak comparison, RFC 9110 §13.1.2). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.slice(1, -1);
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag || tag === `"${bare}${GZIP_SUFFIX}"`;
  });
}

async function serveTile(c: Context<AppEnv>, source: TileSource) {
  const { z, x, file } = c.req.param() as { z: string; x: string; file: string };
  const tile = parseTile(z, x, file);
  const entry = source.cached(tile) ?? (await source.tile(tile));
  const gzip = entry.body !== null && acceptsGzip(c.req.header('accept-encoding'));
  const etag = gzip ? `"${entry.etag.slice(1, -1)}${GZIP_SUFFIX}"` : entry.etag;
  const headers: Record<string, string> = {
    etag,
    'cache-control': CACHE_CONTROL,
    vary: 'accept-encoding',
  };
  if (notModified(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
  if (!entry.body) return c.body(null, 204, headers);
  headers['content-type'] = MVT_TYPE;
  if (gzip) {
    headers['content-encoding'] = 'gzip';
    return c.body(source.gzipped(entry), 200, headers);
  }
  return c.body(entry.body, 200, headers);
}

export function tileRoutes(source: TileSource) {
  return new OpenAPIHono<AppEnv>()
    .get('/tiles.json', async (c) => {
      const origin = new URL(c.req.url).origin;
      return c.json(await source.tileJson(`${origin}/tiles/{z}/{x}/{y}.mvt`), 200, {
        'cache-control': CACHE_CONTROL,
      });
    })
    .get('/tiles/:z/:x/:file', (c) => serveTile(c, source))
    .all('/tiles/*', () => {
      throw badTile('expected /tiles/{z}/{x}/{y}.mvt', 'path');
    });
}
