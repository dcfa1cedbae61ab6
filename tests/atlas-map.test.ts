import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { featureId } from '@atlas/model';
import { ROOT, startServer } from './helpers/server.ts';
import type { RunningServer } from './helpers/server.ts';
import { isLocal, launchBrowser } from './helpers/browser.ts';

// The whole path once: a fresh DuckDB file seeded with the demo → the real server →
// the built web app in a real Chromium drawing the district with MapLibre from the
// server's vector tiles.

const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const MAP_READY_TIMEOUT_MS = 60_000;

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ ATLAS_DB: join(dir, 'atlas.duckdb') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the atlas map page', () => {
  it('draws the demo district from vector tiles with schools rendered, and makes no request beyond localhost', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: MAP_READY_TIMEOUT_MS });

    const rendered = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      const ids = map.getStyle().layers.map((l) => l.id);
      const query = (prefix: string) =>
        map.queryRenderedFeatures({ layers: ids.filter((id) => id.startsWith(prefix)) });
      const schools = query('schools');
      return {
        schools: schools.length,
        schoolSources: [...new Set(schools.map((f) => `${f.source}/${f.sourceLayer}`))],
        admin: query('admin').length,
      };
    });
    expect(rendered.schools).toBeGreaterThan(0);
    expect(rendered.schoolSources).toContain('atlas/schools');
    expect(rendered.admin).toBeGreaterThan(0);

    // The map drew from vector tiles: TileJSON and tiles were asked for, and no layer was
    // fetched whole (a layer's features only ever with a bbox; single features by id).
    const paths = requests.filter(isLocal).map((u) => new URL(u));
    expect(paths.some((u) => u.pathname === '/tiles.json')).toBe(true);
    expect(
      paths.filter((u) => /^\/tiles\/\d+\/\d+\/\d+\.mvt$/.test(u.pathname)).length,
    ).toBeGreaterThan(0);
    const wholeLayers = paths.filter(
      (u) => /^\/api\/layers\/[^/]+$/.test(u.pathname) && !u.searchParams.has('bbox'),
    );
    expect(wholeLayers.map((u) => u.href)).toEqual([]);

    const layers = (await (await fetch(`${server.url}/api/layers`)).json()) as {
      demo: boolean;
      layers: { name: string; count: number }[];
    };
    expect(layers.demo).toBe(true);
    expect(await page.getByText('虚构演示数据').first().isVisible()).toBe(true);

    await page.screenshot({ path: join(ARTIFACTS, 'atlas-map.png') });
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('opens a store clicked at z15, whose tile names it only by its feature id, in a popup with its attributes', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: MAP_READY_TIMEOUT_MS });
    const { features } = (await (
      await fetch(`${server.url}/api/layers/stores?limit=50`)
    ).json()) as {
      features: { id: string; properties: { name: string }; geometry: { coordinates: number[] } }[];
    };
    // The first store drawn on top at its own point (not under a school's marker).
    let picked: { id: string; name: string; x: number; y: number } | null = null;
    for (const store of features) {
      const at = await page.evaluate(
        ({ center, fid }) =>
          new Promise<{ x: number; y: number; onTop: boolean; hasId: boolean }>((resolveAt) => {
            const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
            map.once('idle', () => {
              const p = map.project(center as [number, number]);
              const layers = map.getStyle().layers.map((l) => l.id);
              const top = map.queryRenderedFeatures(p, {
                layers: layers.filter((id) => /^(schools|campuses|stores|hazards|water)/.test(id)),
              })[0];
              const box = map.getCanvas().getBoundingClientRect();
              resolveAt({
                x: box.left + p.x,
                y: box.top + p.y,
                onTop: top?.sourceLayer === 'stores' && top.id === fid,
                hasId: top?.properties.id !== undefined,
              });
            });
            map.jumpTo({ center: center as [number, number], zoom: 15 });
          }),
        { center: store.geometry.coordinates, fid: featureId(store.id) },
      );
      if (!at.onTop) continue;
      expect(at.hasId).toBe(false); // z15 store tiles carry no id property
      picked = { id: store.id, name: store.properties.name, x: at.x, y: at.y };
      break;
    }
    expect(picked).not.toBeNull();
    await page.mouse.click(picked!.x, picked!.y);
    const popup = page.locator(`.popup[data-layer="stores"][data-feature-id="${picked!.id}"]`);
    await popup.waitFor({ timeout: 10_000 });
    expect(await popup.locator('.popup-title').textContent()).toBe(picked!.name);
    await page.screenshot({ path: join(ARTIFACTS, 'store-popup-z15.png') });
    await page.close();
  });

  it('draws the findings of an audit run saved while the map is open from the tiles’ violations layer', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: MAP_READY_TIMEOUT_MS });
    const post = await fetch(`${server.url}/api/audits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: 'hubei' }),
    });
    expect(post.status).toBe(201);
    const { id } = (await post.json()) as { id: number };
    const page1 = await fetch(`${server.url}/api/audits/${id}/findings?status=violation&limit=1`);
    const [finding] = (
      (await page1.json()) as { findings: { id: string; originPoint: number[] }[] }
    ).findings;
    expect(finding).toBeDefined();
    // A line's feature id is the hash of its finding's id.
    const drawn = await page.evaluate(
      ({ center, fid }) =>
        new Promise<number[]>((resolveDrawn) => {
          const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
          map.once('idle', () => {
            const features = map.queryRenderedFeatures({ layers: ['audit-violations-line'] });
            resolveDrawn(features.map((f) => Number(f.id)).filter((i) => i === fid));
          });
          map.jumpTo({ center: center as [number, number], zoom: 16 });
        }),
      { center: finding!.originPoint, fid: featureId(finding!.id) },
    );
    expect(drawn.length).toBeGreaterThan(0);
    await page.close();
  });
});
