import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { PROHIBITED_GROUPS } from '@atlas/model';
import { isLocal } from './helpers/browser.ts';
import {
  ARTIFACTS,
  openPage,
  READY_TIMEOUT_MS,
  shot,
  startPlanner,
  waitForMap,
} from './planner-setup.ts';
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

type Summary = {
  total: number;
  townships: { code: string; count: number }[];
  schools: { id: string; count: number }[];
};

/** Choropleth class of a count (the map's breaks: 1, 3, 6, 10, 20), -1 for none. */
const CLASS_BREAKS = [1, 3, 6, 10, 20];
/** A zoom where the tiles carry single schools (from 12), a few around one school in view. */
const SCHOOL_ZOOM = 13;
/** Where a 50 m violation line spans the 12 px from which the tiles draw it. */
const LINES_ZOOM = 16;
const classOf = (n: number) => CLASS_BREAKS.filter((b) => n >= b).length - 1;

/**
 * [property, class] of each feature rendered by the style layers whose id starts with
 * `prefix` (the class is the number ending a choropleth layer id, else -1).
 */
const rendered = (page: Page, prefix: string, property: string) =>
  page.evaluate(
    ([prefix, property]) => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      const ids = map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith(prefix));
      return map.queryRenderedFeatures({ layers: ids }).map((f): [string, number] => {
        const n = /-(\d+)$/.exec(f.layer.id);
        return [String(f.properties[property]), n ? Number(n[1]) : -1];
      });
    },
    [prefix, property] as const,
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

  it('charts findings per township and category from the server’s counts, and filters lists and map together', async () => {
    const { page, outside, errors, requests } = await openPage(
      planner.browser,
      `${planner.server.url}/?view=district`,
    );
    await waitForMap(page);
    const chart = page.locator('svg.bar-chart').first();
    await chart.waitFor({ timeout: READY_TIMEOUT_MS });
    const api = (path: string) =>
      page.evaluate(async (p) => (await fetch(p)).json() as Promise<unknown>, path);
    const runs = (await api('/api/audits')) as {
      runs: { id: number; counts: { total: number } }[];
    };
    const run = runs.runs[0]!;
    const summary = (await api(`/api/audits/${run.id}/summary`)) as Summary;
    expect(summary.total).toBe(run.counts.total);

    // The township chart is the API's count per township, bar by bar, and adds up to the run.
    const bars = await chart
      .locator('[data-count]')
      .evaluateAll((gs) =>
        gs.map((g) => [(g as SVGGElement).dataset.key!, Number((g as SVGGElement).dataset.count)]),
      );
    expect(Object.fromEntries(bars)).toEqual(
      Object.fromEntries(summary.townships.map((t) => [t.code, t.count])),
    );
    expect(bars.reduce((a, [, n]) => a + Number(n), 0)).toBe(run.counts.total);
    const categoryBars = await page
      .locator('svg.bar-chart')
      .nth(1)
      .locator('[data-count]')
      .evaluateAll((gs) => gs.map((g) => Number((g as SVGGElement).dataset.count)));
    expect(categoryBars.reduce((a, b) => a + b, 0)).toBe(run.counts.total);
    const firstSchool = page.locator('.district-schools li').first();
    expect(Number(await firstSchool.getAttribute('data-count'))).toBe(summary.schools[0]!.count);
    // Nothing was fetched whole: no /api/layers/<layer> GeoJSON, only counts.
    const wholeLayers = requests
      .filter(isLocal)
      .map((u) => new URL(u).pathname)
      .filter((p) => /^\/api\/layers\/[^/]+$/.test(p));
    expect(wholeLayers).toEqual([]);

    // The township choropleth colours the tiles' townships by the API's counts.
    await page.getByLabel('按乡镇着色').check();
    await idle(page);
    const shaded = await rendered(page, 'choropleth-township-', 'code');
    expect(shaded.length).toBeGreaterThan(0);
    const countOf = new Map(summary.townships.map((t) => [t.code, t.count]));
    for (const [code, layer] of shaded) expect(classOf(countOf.get(code) ?? 0)).toBe(layer);

    await page.getByLabel('烟草销售点', { exact: true }).check();
    const tobacco = (await api(`/api/audits/${run.id}/summary?category=tobacco,ecig`)) as Summary;
    await page.waitForSelector(`.district-total[data-total="${tobacco.total}"]`, {
      timeout: READY_TIMEOUT_MS,
    });
    await idle(page);
    expect(new URL(page.url()).searchParams.get('cat')).toBe('tobacco');
    // At the district's extent stores come as grid cells: every store symbol left on the
    // map is a tobacco shop, or a bubble numbering the tobacco shops of its cell.
    const { markers, bubbles } = await renderedStores(page);
    expect(Object.keys(markers).filter((g) => g !== 'tobacco')).toEqual([]);
    expect(bubbles.every((groups) => groups.includes('tobacco'))).toBe(true);
    expect((markers.tobacco ?? 0) + bubbles.length).toBeGreaterThan(0);
    await shot(page, 'planner-district');

    // A township picked on the chart lists its findings, a page at a time from the API.
    const top = [...tobacco.townships].sort((a, b) => b.count - a.count)[0]!;
    await chart.locator(`[data-key="${top.code}"]`).click();
    const listed = page.locator('.district-findings li');
    await listed.first().waitFor({ timeout: READY_TIMEOUT_MS });
    // The server filters by both categories: the first page is full (or all there is).
    const page1 = (await api(
      `/api/audits/${run.id}/findings?township=${top.code}&category=tobacco,ecig&limit=25`,
    )) as { findings: { id: string; category: string }[] };
    const expectedIds = page1.findings.map((f) => f.id);
    expect(expectedIds.length).toBe(Math.min(25, top.count));
    expect(page1.findings.every((f) => f.category === 'tobacco' || f.category === 'ecig')).toBe(
      true,
    );
    await expect
      .poll(() => listed.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.finding)))
      .toEqual(expectedIds);

    // Per school: the tiles' schools in view get a disc by their count of findings (single
    // schools are drawn from zoom 11; the map goes to the township's school with most).
    const inTownship = (await api(
      `/api/audits/${run.id}/summary?category=tobacco,ecig&township=${top.code}&schools=5000`,
    )) as Summary;
    const school = (await api(`/api/layers/schools/${inTownship.schools[0]!.id}`)) as {
      geometry: { coordinates: [number, number] };
    };
    await page.evaluate(
      ([center, zoom]) => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        map.jumpTo({ center, zoom });
      },
      [school.geometry.coordinates, SCHOOL_ZOOM] as const,
    );
    await page.getByLabel('按学校着色').check();
    await idle(page);
    await page.waitForFunction(
      () => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        const ids = map
          .getStyle()
          .layers.map((l) => l.id)
          .filter((id) => id.startsWith('choropleth-school-'));
        return map.queryRenderedFeatures({ layers: ids }).length > 0;
      },
      undefined,
      { timeout: READY_TIMEOUT_MS },
    );
    const schools = await rendered(page, 'choropleth-school-', 'id');
    const perSchool = new Map(inTownship.schools.map((x) => [x.id, x.count]));
    for (const [id, layer] of schools) expect(classOf(perSchool.get(id) ?? 0)).toBe(layer);
    await shot(page, 'planner-district-schools');
    // Closer in, where the lines are long enough to draw (12 px), they are tobacco findings only.
    await page.evaluate(
      ([center, zoom]) => {
        const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
        map.jumpTo({ center, zoom });
      },
      [school.geometry.coordinates, LINES_ZOOM] as const,
    );
    await idle(page);
    const lines = await rendered(page, 'audit-violations-line', 'category');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map(([c]) => c))).toEqual(
      new Set(lines.map(([c]) => c).filter((c) => c === 'tobacco' || c === 'ecig')),
    );
    // The latest run was looked up once for every summary and list above (and once by this
    // test): summaries ask for it by id, not each after its own GET /api/audits.
    const runLookups = requests.filter((u) => isLocal(u) && new URL(u).pathname === '/api/audits');
    expect(runLookups).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(outside()).toEqual([]);
  });

  it('keeps the rings of a school without findings under a township and school-type filter, and only those that pass', async () => {
    const get = async (path: string) => (await fetch(`${planner.server.url}${path}`)).json();
    const run = ((await get('/api/audits')) as { runs: { id: number }[] }).runs[0]!;
    const withFindings = new Set(
      ((await get(`/api/audits/${run.id}/summary?schools=5000`)) as Summary).schools.map(
        (x) => x.id,
      ),
    );
    type School = {
      id: string;
      geometry: { coordinates: [number, number] };
      properties: { type: string; adminCode: string };
    };
    const schools = ((await get('/api/layers/schools?limit=1000')) as { features: School[] })
      .features;
    // A school the profile protects (rings for every primary school) with no finding at all.
    const quiet = schools.find((x) => !withFindings.has(x.id) && x.properties.type === 'primary');
    expect(quiet).toBeDefined();
    const town = quiet!.properties.adminCode.slice(0, 9);
    const [lng, lat] = quiet!.geometry.coordinates;
    const url = `${planner.server.url}/?at=${lng},${lat},15.00&town=${town}&type=primary&view=district`;
    const { page, errors } = await openPage(planner.browser, url);
    await waitForMap(page);
    await idle(page);
    const rings = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      return map
        .queryRenderedFeatures({ layers: ['audit-zones-line'] })
        .map((f) => f.properties as Record<string, string>);
    });
    expect(rings.map((r) => r.schoolId)).toContain(quiet!.id);
    for (const ring of rings) expect([ring.township, ring.schoolType]).toEqual([town, 'primary']);
    await shot(page, 'planner-district-rings');
    // Under another type the same school's rings go.
    await page.goto(url.replace('type=primary', 'type=kindergarten'));
    await waitForMap(page);
    await idle(page);
    const others = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      return map
        .queryRenderedFeatures({ layers: ['audit-zones-line'] })
        .map((f) => String(f.properties.schoolId));
    });
    expect(others).not.toContain(quiet!.id);
    expect(errors).toEqual([]);
  });

  it('lists the audit layers with swatches and view counts, and a switch hides a status', async () => {
    // At 云溪县第一中学, close enough for its violation lines (they are drawn from 12 px).
    const { page, errors } = await openPage(
      planner.browser,
      `${planner.server.url}/?at=111.29259,30.79298,${LINES_ZOOM}.00`,
    );
    await waitForMap(page);
    await idle(page);
    const item = page.locator('[data-item="audit.violation"]');
    await expect
      .poll(async () => Number(await item.locator('.layer-count').getAttribute('data-count')))
      .toBeGreaterThan(0);
    expect(await item.locator('svg, img, .swatch, canvas').count()).toBeGreaterThan(0);
    const statuses = async () =>
      new Set((await rendered(page, 'audit-violations-line', 'status')).map(([s]) => s));
    expect((await statuses()).has('violation')).toBe(true);
    await page
      .locator('[data-group="zones"]')
      .screenshot({ path: join(ARTIFACTS, 'planner-audit-legend.png') });
    await page.getByLabel('违规连线').uncheck();
    await idle(page);
    expect((await statuses()).has('violation')).toBe(false);
    expect(new URL(page.url()).searchParams.get('off')).toBe('audit.violation');
    expect(errors).toEqual([]);
  });
});
