import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { onePixelPng, pmtilesArchive } from '../apps/api/src/routes/basemap-fixture.ts';
import { ROOT, spawnServer, startServer } from './helpers/server.ts';
import type { RunningServer } from './helpers/server.ts';
import { isLocal, launchBrowser } from './helpers/browser.ts';
import { FIRST_DRAW_MS, watchFirstDraw } from './helpers/first-draw.ts';

// A bureau's own offline basemap file (ATLAS_BASEMAP) end to end: the real server opens a
// tiny PMTiles file, the built web app draws it under the atlas layers by default, and no
// request leaves localhost. Also measures how long the first map with schools or admin
// areas takes to draw (reported, not asserted: the machine is shared).

const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const MAP_READY_TIMEOUT_MS = 60_000;
const TILE = onePixelPng([200, 230, 200]);

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-basemap-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const basemap = join(dir, 'bureau.pmtiles');
  writeFileSync(
    basemap,
    pmtilesArchive([{ z: 0, x: 0, y: 0, bytes: TILE }], { metadata: { name: '测试单位底图' } }),
  );
  server = await startServer({ ATLAS_DB: join(dir, 'atlas.duckdb'), ATLAS_BASEMAP: basemap });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bureau basemap file', () => {
  it('is drawn by default from /basemap/ tiles under the atlas layers, with no request beyond localhost', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(watchFirstDraw);

    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: MAP_READY_TIMEOUT_MS });
    await page.waitForFunction(FIRST_DRAW_MS);
    const firstDrawMs = (await page.evaluate(FIRST_DRAW_MS))!;
    console.info(
      `first map with schools or admin areas drawn ${Math.round(firstDrawMs)} ms after navigation start`,
    );

    const bureau = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      const ids = map.getStyle().layers.map((l) => l.id);
      return { ids, loaded: map.isSourceLoaded('bureau-basemap') };
    });
    expect(bureau.loaded).toBe(true);
    const at = bureau.ids.indexOf('basemap-bureau');
    expect(at).toBe(1); // just above the background, below every atlas layer
    expect(await page.getByLabel('本单位底图').isChecked()).toBe(true);

    const paths = requests.filter(isLocal).map((u) => new URL(u).pathname);
    expect(paths).toContain('/basemap.json');
    expect(paths).toContain('/basemap/0/0/0');
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-file.png') });
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.close();
  });

  it('that is missing stops start-up with an error naming its path', async () => {
    const missing = join(dir, 'no-such-basemap.pmtiles');
    const { output, exited } = spawnServer({
      PORT: '0',
      ATLAS_DB: join(dir, 'never.duckdb'),
      ATLAS_BASEMAP: missing,
    });
    expect(await exited).toBe(1);
    expect(output()).toContain(missing);
    expect(output()).toContain('cannot be opened');
  });
});
