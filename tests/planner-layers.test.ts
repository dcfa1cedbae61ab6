import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { PROHIBITED_GROUPS } from '@atlas/model';
import { openPage, READY_TIMEOUT_MS, shot, startPlanner, waitForMap } from './planner-setup.ts';
import type { Planner } from './planner-setup.ts';

// A planner switches a store type off and sees it leave the map, shares the URL, and a
// reload of that URL restores the same view; the district view charts the latest audit.

let planner: Planner;
beforeAll(async () => {
  planner = await startPlanner();
  const run = await fetch(`${planner.server.url}/api/audits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile: 'hubei' }),
  });
  expect(run.status).toBe(201);
});
afterAll(() => planner?.close());

/** The groups in the campaign's order with their categories (a store shows its first). */
const GROUPS: [string, string[]][] = Object.entries(PROHIBITED_GROUPS).map(([group, g]) => [
  group,
  [...g.categories],
]);

/**
 * Rendered store symbols, straight from MapLibre's tiles. Markers per group: a single store
 * (or a grid cell holding one store) by its first prohibited group, `other` when it has
 * none, and a cell of ordinary shops only as `other`. Bubbles (cells numbering prohibited
 * stores): the groups each one holds stores of.
 */
const renderedStores = (page: Page) =>
  page.evaluate((groups) => {
    const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
    const markers: Record<string, number> = {};
    const bubbles: string[][] = [];
    const add = (g: string) => (markers[g] = (markers[g] ?? 0) + 1);
    const layers = ['stores-point', 'stores-cell-one', 'stores-cell', 'stores-cell-other'];
    for (const f of map.queryRenderedFeatures({ layers })) {
      const p = f.properties as Record<string, unknown>;
      if (f.layer.id === 'stores-cell-other') add('other');
      else if (f.layer.id === 'stores-cell') {
        bubbles.push(groups.filter(([g]) => Number(p[g]) > 0).map(([g]) => g));
      } else if (f.layer.id === 'stores-cell-one') {
        add(groups.find(([g]) => Number(p[g]) > 0)?.[0] ?? 'other');
      } else {
        const cats = String(p.categories).split(',');
        const hit = groups.find(([, c]) => c.some((x) => cats.includes(x)));
        add(hit?.[0] ?? 'other');
      }
    }
    return { markers, bubbles };
  }, GROUPS);
const renderedStoreGroups = async (page: Page) => (await renderedStores(page)).markers;

const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );

describe('layers, shared URLs and the district view', () => {
  it('hides tobacco shops when their switch is off, and a reload of the URL restores the view', async () => {
    const start = `${planner.server.url}/?at=111.29259,30.79298,15.00&school=sch-001`;
    const { page, outside, errors } = await openPage(planner.browser, start);
    await waitForMap(page);
    await page.waitForSelector('body[data-dossier="sch-001"]', {
      state: 'attached',
      timeout: READY_TIMEOUT_MS,
    });
    const before = await renderedStoreGroups(page);
    expect(before.tobacco).toBeGreaterThan(0);
    const countText = await page
      .locator('[data-item="stores.tobacco"] .layer-count')
      .getAttribute('data-count');
    expect(Number(countText)).toBeGreaterThan(0);

    await page.getByLabel('烟草销售点', { exact: true }).uncheck();
    await idle(page);
    const after = await renderedStoreGroups(page);
    expect(after.tobacco ?? 0).toBe(0);
    expect(after.internet_entertainment).toBe(before.internet_entertainment);

    await page.getByLabel('深色').check();
    await idle(page);
    await shot(page, 'planner-dark');
    const shared = page.url();
    expect(new URL(shared).searchParams.get('off')).toBe('stores.tobacco');
    expect(new URL(shared).searchParams.get('theme')).toBe('dark');

    const again = await openPage(planner.browser, shared);
    await waitForMap(again.page);
    await again.page.waitForSelector('body[data-dossier="sch-001"]', {
      state: 'attached',
      timeout: READY_TIMEOUT_MS,
    });
    const camera = await again.page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(camera.lng).toBeCloseTo(111.29259, 4);
    expect(camera.lat).toBeCloseTo(30.79298, 4);
    expect(camera.zoom).toBeCloseTo(15, 2);
    expect(await again.page.getByLabel('烟草销售点', { exact: true }).isChecked()).toBe(false);
    expect((await renderedStoreGroups(again.page)).tobacco ?? 0).toBe(0);
    expect(
      await again.page.getByRole('heading', { level: 2, name: '云溪县第一中学' }).isVisible(),
    ).toBe(true);
    expect(errors).toEqual([]);
    expect([...outside(), ...again.outside()]).toEqual([]);
  });

  it('charts findings per township and category, and filters lists and map together', async () => {
    const { page, outside, errors } = await openPage(
      planner.browser,
      `${planner.server.url}/?view=district`,
    );
    await waitForMap(page);
    const chart = page.locator('svg.bar-chart').first();
    await chart.waitFor({ timeout: READY_TIMEOUT_MS });
    const total = await page.evaluate(async () => {
      const runs = (await (await fetch('/api/audits')).json()) as {
        runs: { counts: { total: number } }[];
      };
      return runs.runs[0]!.counts.total;
    });
    const bars = await chart
      .locator('[data-count]')
      .evaluateAll((gs) => gs.map((g) => Number((g as SVGGElement).dataset.count)));
    // Every finding belongs to one school and so to one township.
    expect(bars.reduce((a, b) => a + b, 0)).toBe(total);

    await page.getByLabel('在地图上按乡镇着色').check();
    await page.getByLabel('烟草销售点', { exact: true }).check();
    await idle(page);
    expect(new URL(page.url()).searchParams.get('cat')).toBe('tobacco');
    // At the district's extent stores come as grid cells: every store symbol left on the
    // map is a tobacco shop, or a bubble numbering the tobacco shops of its cell.
    const { markers, bubbles } = await renderedStores(page);
    expect(Object.keys(markers).filter((g) => g !== 'tobacco')).toEqual([]);
    expect(bubbles.every((groups) => groups.includes('tobacco'))).toBe(true);
    expect((markers.tobacco ?? 0) + bubbles.length).toBeGreaterThan(0);
    await shot(page, 'planner-district');
    expect(errors).toEqual([]);
    expect(outside()).toEqual([]);
  });
});
