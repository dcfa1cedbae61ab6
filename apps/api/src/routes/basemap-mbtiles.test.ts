import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAPIHono } from '@hono/zod-openapi';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { pino } from 'pino';
import type { AppEnv } from '../app-env.ts';
import { onError } from '../problem.ts';
import { basemapRoutes } from './basemap.ts';
import { openBasemapFile } from './basemap-file.ts';
import type { BasemapFile } from './basemap-file.ts';
import { onePixelPng } from './basemap-fixture.ts';
import { writeMbtiles, writeSqlite } from './basemap-mbtiles-fixture.ts';
import type { MbtilesFixture } from './basemap-mbtiles-fixture.ts';
import { mvtTile } from './basemap-mvt-fixture.ts';

const RED = onePixelPng([255, 0, 0]);
const BLUE = onePixelPng([0, 0, 255]);
const WATER = mvtTile({
  water: [
    {
      type: 'Polygon',
      coords: [
        [0, 0],
        [4096, 0],
        [4096, 4096],
        [0, 4096],
      ],
      properties: { class: 'lake', 'name:zh': '西湖' },
    },
  ],
});
const VECTOR_JSON = JSON.stringify({
  vector_layers: [{ id: 'water', fields: { class: 'String' } }],
});
let dir: string;
let count = 0;
const opened: BasemapFile[] = [];

function appWith(basemap: BasemapFile) {
  const app = new OpenAPIHono<AppEnv>().route('/', basemapRoutes(basemap));
  app.onError(onError(pino({ level: 'silent' })));
  return app;
}

async function open(fixture: MbtilesFixture): Promise<BasemapFile> {
  const path = join(dir, `f${count++}.mbtiles`);
  writeMbtiles(path, fixture);
  const file = await openBasemapFile(path);
  opened.push(file);
  return file;
}

function broken(name: string, make: (path: string) => void): string {
  const path = join(dir, name);
  make(path);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-mbtiles-'));
});
afterAll(async () => {
  for (const f of opened) await f.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a raster MBTiles basemap', () => {
  const fixture: MbtilesFixture = {
    metadata: {
      name: '区影像',
      format: 'png',
      attribution: '某区测绘院',
      bounds: '118,30,122,32',
      center: '120,31,1',
      minzoom: '0',
      maxzoom: '1',
    },
    tiles: [
      { z: 0, x: 0, y: 0, bytes: RED },
      { z: 1, x: 1, y: 0, bytes: BLUE },
    ],
  };

  it('serves each XYZ tile from its TMS row, typed by the metadata format', async () => {
    const app = appWith(await open(fixture));
    const north = await app.request('/basemap/1/1/0');
    expect(north.status).toBe(200);
    expect(north.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await north.arrayBuffer())).toEqual(BLUE);
    const root = await app.request('/basemap/0/0/0');
    expect(Buffer.from(await root.arrayBuffer())).toEqual(RED);
    const south = await app.request('/basemap/1/1/1'); // TMS row 0 at zoom 1: not stored
    expect(south.status).toBe(204);
  });

  it('describes itself as raster TileJSON from its metadata rows', async () => {
    const res = await appWith(await open(fixture)).request('http://127.0.0.1:9/basemap.json');
    expect(await res.json()).toMatchObject({
      tiles: ['http://127.0.0.1:9/basemap/{z}/{x}/{y}'],
      name: '区影像',
      attribution: '某区测绘院',
      bounds: [118, 30, 122, 32],
      center: [120, 31, 1],
      minzoom: 0,
      maxzoom: 1,
      kind: 'raster',
      format: 'image/png',
    });
  });

  it('reads a map + images file, and takes format and zooms from its tiles when metadata is silent', async () => {
    const file = await open({
      metadata: { name: '去重影像' },
      tiles: [
        { z: 2, x: 3, y: 1, bytes: BLUE },
        { z: 3, x: 0, y: 7, bytes: RED },
      ],
      layout: 'map-images',
    });
    expect(file.contentType).toBe('image/png');
    expect(file.info).toMatchObject({ minZoom: 2, maxZoom: 3, center: [0, 0, 2] });
    const res = await appWith(file).request('/basemap/3/0/7');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(RED);
  });

  it('answers a 400 problem naming the field for bad input and 204 outside the file', async () => {
    const app = appWith(await open(fixture));
    for (const [path, field] of [
      ['/basemap/1/x/0', 'x'],
      ['/basemap/0/0/1', 'y'],
      ['/basemap/0/0/0.png', 'y'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { problems: { field: string }[] };
      expect(body.problems[0]?.field, path).toBe(field);
    }
    expect((await app.request('/basemap/12/100/100')).status).toBe(204);
  });
});

describe('a vector MBTiles basemap with gzip-compressed tiles', () => {
  const fixture: MbtilesFixture = {
    metadata: { name: '区矢量底图', format: 'pbf', json: VECTOR_JSON },
    tiles: [{ z: 0, x: 0, y: 0, bytes: gzipSync(WATER) }],
  };

  it('sends the stored gzip bytes with Content-Encoding: gzip to a client that accepts it', async () => {
    const res = await appWith(await open(fixture)).request('/basemap/0/0/0', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('accept-encoding');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(gzipSync(WATER));
  });

  it('decompresses the tile for a client that does not accept gzip', async () => {
    const res = await appWith(await open(fixture)).request('/basemap/0/0/0', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
    const water = tile.layers.water!;
    expect(water.length).toBe(1);
    expect(water.feature(0).properties).toEqual({ class: 'lake', 'name:zh': '西湖' });
    expect(water.feature(0).type).toBe(3);
  });

  it('lists its vector_layers in TileJSON as vector', async () => {
    const res = await appWith(await open(fixture)).request('/basemap.json');
    expect(await res.json()).toMatchObject({
      kind: 'vector',
      format: 'application/vnd.mapbox-vector-tile',
      vector_layers: [{ id: 'water' }],
    });
  });

  it('serves an uncompressed stored tile as it is', async () => {
    const file = await open({ ...fixture, tiles: [{ z: 0, x: 0, y: 0, bytes: WATER }] });
    const res = await appWith(file).request('/basemap/0/0/0', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(WATER);
  });
});

describe('openBasemapFile on a broken MBTiles file', () => {
  const tiles = [{ z: 0, x: 0, y: 0, bytes: RED }];

  it('refuses, naming the path and the reason', async () => {
    const cases: [string, RegExp][] = [
      [
        broken('empty.mbtiles', (p) => writeFileSync(p, Buffer.alloc(0))),
        /empty\.mbtiles" is not a usable PMTiles or MBTiles basemap: the file is empty/,
      ],
      [
        broken('text.mbtiles', (p) => writeFileSync(p, 'name,value\nformat,png\n')),
        /text\.mbtiles".*neither the PMTiles nor the SQLite/,
      ],
      [
        broken('torn.mbtiles', (p) => writeFileSync(p, `SQLite format 3\0${'x'.repeat(200)}`)),
        /torn\.mbtiles" is not a usable MBTiles basemap: SQLite/,
      ],
      [
        broken('notiles.mbtiles', (p) =>
          writeSqlite(p, 'CREATE TABLE metadata (name TEXT, value TEXT)'),
        ),
        /notiles\.mbtiles".*no `tiles` table/,
      ],
      [
        broken('none.mbtiles', (p) => writeMbtiles(p, { metadata: { format: 'png' }, tiles: [] })),
        /none\.mbtiles".*holds no tiles/,
      ],
      [
        broken('tiff.mbtiles', (p) => writeMbtiles(p, { metadata: { format: 'tiff' }, tiles })),
        /tiff\.mbtiles".*format "tiff" is not one of png, jpg, webp, pbf/,
      ],
      [
        broken('mystery.mbtiles', (p) =>
          writeMbtiles(p, { metadata: {}, tiles: [{ z: 0, x: 0, y: 0, bytes: Buffer.from('?') }] }),
        ),
        /mystery\.mbtiles".*states no format/,
      ],
      [
        broken('nolayers.mbtiles', (p) =>
          writeMbtiles(p, {
            metadata: { format: 'pbf' },
            tiles: [{ z: 0, x: 0, y: 0, bytes: WATER }],
          }),
        ),
        /nolayers\.mbtiles".*no `json` row/,
      ],
      [
        broken('bounds.mbtiles', (p) =>
          writeMbtiles(p, { metadata: { format: 'png', bounds: '118,30' }, tiles }),
        ),
        /bounds\.mbtiles".*bounds "118,30" is not 4 comma-separated numbers/,
      ],
    ];
    for (const [path, message] of cases) {
      await expect(openBasemapFile(path), path).rejects.toThrow(message);
    }
  });
});
