import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import type { AppEnv } from '../app-env.ts';
import { onError } from '../problem.ts';
import { basemapRoutes } from './basemap.ts';
import { openBasemapFile } from './basemap-file.ts';
import type { BasemapFile } from './basemap-file.ts';
import { onePixelPng, pmtilesArchive, TILE_TYPE } from './basemap-fixture.ts';

const RED = onePixelPng([255, 0, 0]);
const BLUE = onePixelPng([0, 0, 255]);
let dir: string;
let file: BasemapFile;

function appWith(basemap: BasemapFile | null) {
  const app = new OpenAPIHono<AppEnv>().route('/', basemapRoutes(basemap));
  app.onError(onError(pino({ level: 'silent' })));
  return app;
}

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-basemap-'));
  const archive = pmtilesArchive(
    [
      { z: 0, x: 0, y: 0, bytes: RED },
      { z: 1, x: 1, y: 0, bytes: BLUE },
    ],
    { metadata: { name: '区教育局影像', attribution: '某区测绘院' } },
  );
  file = await openBasemapFile(write('ok.pmtiles', archive));
});
afterAll(async () => {
  await file?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /basemap/{z}/{x}/{y} from a PMTiles file', () => {
  it('serves a raster tile with the bytes stored and the PNG content type from the header', async () => {
    const app = appWith(file);
    const res = await app.request('/basemap/1/1/0');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BLUE);
    const root = await app.request('/basemap/0/0/0');
    expect(Buffer.from(await root.arrayBuffer())).toEqual(RED);
  });

  it('answers 204 with no body for a tile the archive does not hold', async () => {
    const res = await appWith(file).request('/basemap/1/0/0');
    expect(res.status).toBe(204);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers a 400 problem naming the field for a malformed or out-of-range z/x/y', async () => {
    const app = appWith(file);
    for (const [path, field] of [
      ['/basemap/a/0/0', 'z'],
      ['/basemap/1/2/0', 'x'],
      ['/basemap/1/0/2', 'y'],
      ['/basemap/27/0/0', 'z'],
      ['/basemap/0/0', 'path'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { problems: { field: string }[] };
      expect(body.problems[0]?.field, path).toBe(field);
    }
  });

  it('gives 404 for tiles and TileJSON when no basemap is configured', async () => {
    const app = appWith(null);
    expect((await app.request('/basemap.json')).status).toBe(404);
    expect((await app.request('/basemap/0/0/0')).status).toBe(404);
  });
});

describe('GET /basemap.json', () => {
  it('describes the file as raster TileJSON from its header and metadata, on the same origin', async () => {
    const res = await appWith(file).request('http://127.0.0.1:9999/basemap.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['http://127.0.0.1:9999/basemap/{z}/{x}/{y}'],
      name: '区教育局影像',
      attribution: '某区测绘院',
      minzoom: 0,
      maxzoom: 1,
      bounds: [-180, -85, 180, 85],
      kind: 'raster',
      format: 'image/png',
    });
  });

  it('reports a vector archive as vector with the MVT content type', async () => {
    const mvt = write(
      'vector.pmtiles',
      pmtilesArchive([{ z: 0, x: 0, y: 0, bytes: Buffer.from([0x1a, 0x00]) }], {
        tileType: TILE_TYPE.mvt,
        metadata: { vector_layers: [{ id: 'roads', fields: {} }] },
      }),
    );
    const vector = await openBasemapFile(mvt);
    try {
      const res = await appWith(vector).request('/basemap.json');
      expect(await res.json()).toMatchObject({ kind: 'vector', vector_layers: [{ id: 'roads' }] });
      const tile = await appWith(vector).request('/basemap/0/0/0');
      expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    } finally {
      await vector.close();
    }
  });
});

describe('openBasemapFile', () => {
  it('refuses a missing, empty, foreign or future-version file with an error naming the path', async () => {
    const missing = join(dir, 'nope.pmtiles');
    await expect(openBasemapFile(missing)).rejects.toThrow(`"${missing}" cannot be opened`);
    const empty = write('empty.pmtiles', Buffer.alloc(0));
    await expect(openBasemapFile(empty)).rejects.toThrow(`"${empty}" is not a usable PMTiles`);
    const png = write('tile.png', RED);
    await expect(openBasemapFile(png)).rejects.toThrow(/tile\.png.*magic bytes/);
    const torn = write('torn.pmtiles', Buffer.from('PMTiles'));
    await expect(openBasemapFile(torn)).rejects.toThrow(/torn\.pmtiles.*PMTiles v3 basemap/);
    const v4 = write(
      'v4.pmtiles',
      pmtilesArchive([{ z: 0, x: 0, y: 0, bytes: RED }], { specVersion: 4 }),
    );
    await expect(openBasemapFile(v4)).rejects.toThrow(/v4\.pmtiles.*spec version 4/);
  });
});
