import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { writeMbtiles } from '../apps/api/src/routes/basemap-mbtiles-fixture.ts';
import type { FixtureTile } from '../apps/api/src/routes/basemap-fixture.ts';
import { MVT_EXTENT, mvtTile } from '../apps/api/src/routes/basemap-mvt-fixture.ts';
import type { MvtFeature } from '../apps/api/src/routes/basemap-mvt-fixture.ts';
import { PALETTES } from '../apps/web/src/map/palette.ts';
import { ROOT, startServer } from './helpers/server.ts';
import type { RunningServer } from './helpers/server.ts';
import { isLocal, launchBrowser } from './helpers/browser.ts';

// A bureau's vector basemap as an MBTiles file (gzip-compressed MVT in the OpenMapTiles
// schema) end to end: the real server opens it, the built web app recognises the schema,
// draws water, woods, a road, a county boundary and a Chinese place name under the atlas
// layers in the page's theme, and no request leaves localhost.

const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const MAP_READY_TIMEOUT_MS = 60_000;
const FILE_MAX_ZOOM = 12;
const BBOX = JSON.parse(readFileSync(resolve(ROOT, 'data/demo/manifest.json'), 'utf8')).bbox as [
  number,
  number,
  number,
  number,
];
const PLACE = '测试镇';
const ROAD = '测试大道';
/** Deeper than the file's tiles (MapLibre overzooms them) and deep enough for road names. */
const CLOSE_ZOOM = 14;

let dir: string;
let server: RunningServer;
let browser: Browser;

type Lnglat = [number, number];
type GeoFeature = {
  layer: string;
  type: MvtFeature['type'];
  coords: Lnglat[];
  properties: MvtFeature['properties'];
};

/** The district's box, cut into the features one OpenMapTiles file of it would hold. */
function districtFeatures(): GeoFeature[] {
  const [w, s, e, n] = BBOX;
  const [cx, cy] = [(w + e) / 2, (s + n) / 2];
  const box = (x0: number, y0: number, x1: number, y1: number): Lnglat[] => [
    [x0, y1],
    [x1, y1],
    [x1, y0],
    [x0, y0],
  ]; // north-west first, clockwise on screen: an exterior ring
  const diagonal: Lnglat[] = [
    [w, s],
    [e, n],
  ];
  return [
    {
      layer: 'water',
      type: 'Polygon',
      coords: box(w, s, cx, cy),
      properties: { class: 'lake', 'name:zh': '测试湖' },
    },
    {
      layer: 'landcover',
      type: 'Polygon',
      coords: box(cx, cy, e, n),
      properties: { class: 'wood' },
    },
    {
      layer: 'transportation',
      type: 'LineString',
      coords: diagonal,
      properties: { class: 'primary' },
    },
    {
      layer: 'transportation_name',
      type: 'LineString',
      coords: diagonal,
      properties: { class: 'primary', 'name:zh': ROAD },
    },
    {
      layer: 'boundary',
      type: 'LineString',
      coords: [...box(w, s, e, n), [w, n]],
      properties: { admin_level: 6 },
    },
    {
      layer: 'place',
      type: 'Point',
      coords: [[cx, cy]],
      properties: { class: 'town', 'name:zh': PLACE, name: 'Ceshi' },
    },
  ];
}

const worldX = (lng: number, z: number) => ((lng + 180) / 360) * 2 ** z;
const worldY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};

/** Every tile over the district at zooms 0..FILE_MAX_ZOOM, gzip-compressed as tools store them. */
function districtTiles(): FixtureTile[] {
  const features = districtFeatures();
  const tiles: FixtureTile[] = [];
  for (let z = 0; z <= FILE_MAX_ZOOM; z++) {
    const [x0, x1] = [Math.floor(worldX(BBOX[0], z)), Math.floor(worldX(BBOX[2], z))];
    const [y0, y1] = [Math.floor(worldY(BBOX[3], z)), Math.floor(worldY(BBOX[1], z))];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const layers: Record<string, MvtFeature[]> = {};
        for (const f of features) {
          const coords = f.coords.map(([lng, lat]): [number, number] => [
            Math.round((worldX(lng, z) - x) * MVT_EXTENT),
            Math.round((worldY(lat, z) - y) * MVT_EXTENT),
          ]);
          (layers[f.layer] ??= []).push({ type: f.type, coords, properties: f.properties });
        }
        tiles.push({ z, x, y, bytes: gzipSync(mvtTile(layers)) });
      }
    }
  }
  return tiles;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-mbtiles-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const basemap = join(dir, 'bureau.mbtiles');
  const layers = [...new Set(districtFeatures().map((f) => f.layer))].map((id) => ({
    id,
    fields: {},
  }));
  writeMbtiles(basemap, {
    metadata: {
      name: '测试单位矢量底图',
      format: 'pbf',
      minzoom: '0',
      maxzoom: String(FILE_MAX_ZOOM),
      bounds: BBOX.join(','),
      json: JSON.stringify({ vector_layers: layers }),
    },
    tiles: districtTiles(),
  });
  server = await startServer({ ATLAS_DB: join(dir, 'atlas.duckdb'), ATLAS_BASEMAP: basemap });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the map has drawn everything it asked for, then reports the bureau layers. */
const bureauState = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{
        ids: string[];
        firstAt: number;
        sourceLayers: string[];
        names: string[];
        water: unknown;
      }>((done) => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        map.once('idle', () => {
          const all = map.getStyle().layers.map((l) => l.id);
          const ids = all.filter((id) => id.startsWith('basemap-bureau'));
          const rendered = map.queryRenderedFeatures({ layers: ids });
          done({
            ids,
            firstAt: all.indexOf(ids[0]!),
            sourceLayers: [...new Set(rendered.map((f) => f.sourceLayer ?? ''))].sort(),
            names: rendered
              .filter((f) => f.layer.type === 'symbol')
              .map((f) => String(f.properties['name:zh'])),
            water: map.getPaintProperty('basemap-bureau-omt-water', 'fill-color'),
          });
        });
        map.triggerRepaint();
      }),
  );

describe('a bureau vector basemap in an MBTiles file', () => {
  it('is drawn with the OpenMapTiles style from gzip tiles, in the page theme, with no request beyond localhost', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const tileEncodings: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/basemap/') && r.status() === 200)
        tileEncodings.push(r.headers()['content-encoding'] ?? 'identity');
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: MAP_READY_TIMEOUT_MS });
    await page.waitForFunction(() =>
      (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap.isSourceLoaded(
        'bureau-basemap',
      ),
    );
    const light = await bureauState(page);
    expect(light.firstAt).toBe(1); // just above the background, below every atlas layer
    expect(light.ids).toContain('basemap-bureau-omt-road-line');
    expect(light.sourceLayers).toEqual(
      expect.arrayContaining(['boundary', 'landcover', 'transportation', 'water']),
    );
    expect(light.water).toBe(PALETTES.light.water);
    expect(await page.getByText('按 OpenMapTiles 结构配色').count()).toBe(1);
    expect(tileEncodings.length).toBeGreaterThan(0);
    expect(new Set(tileEncodings)).toEqual(new Set(['gzip']));
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-mbtiles-vector.png') });

    await page.getByLabel('深色').check();
    await page.waitForFunction(
      (water) =>
        (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap.getPaintProperty(
          'basemap-bureau-omt-water',
          'fill-color',
        ) === water,
      PALETTES.dark.water,
    );
    const dark = await bureauState(page);
    expect(dark.sourceLayers).toEqual(
      expect.arrayContaining(['landcover', 'transportation', 'water']),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-mbtiles-vector-dark.png') });

    // The basemap alone, closer in: every atlas layer hidden, so its own names have room.
    await page.evaluate(
      ([[w, s, e, n], zoom]) => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        for (const { id } of map.getStyle().layers)
          if (id !== 'background' && !id.startsWith('basemap-'))
            map.setLayoutProperty(id, 'visibility', 'none');
        map.jumpTo({ center: [(w + e) / 2, (s + n) / 2], zoom });
      },
      [BBOX, CLOSE_ZOOM] as const,
    );
    const alone = await bureauState(page);
    expect(alone.names).toEqual(expect.arrayContaining([PLACE, ROAD]));
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-mbtiles-vector-alone.png') });

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.close();
  });
});
