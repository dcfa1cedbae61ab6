import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_TIMEOUT_MS, shot, startPlanner, VIEWPORT } from './planner-setup.ts';
import type { Planner } from './planner-setup.ts';

// On a desktop without WebGL2 the atlas offers a school list, the dossier and an SVG map.

let planner: Planner;
beforeAll(async () => {
  planner = await startPlanner();
  await fetch(`${planner.server.url}/api/audits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile: 'hubei' }),
  });
});
afterAll(() => planner?.close());

type SchoolPage = { features: { id: string; properties: Record<string, unknown> }[] };

/** Requests for pages of the schools layer (not /api/layers/schools/:id, one school). */
function schoolPages(urls: readonly string[]): URL[] {
  return urls.map((u) => new URL(u)).filter((u) => u.pathname === '/api/layers/schools');
}

describe('without WebGL', () => {
  it('pages the school list by name, searches it by pinyin initials on the server and opens a dossier with its findings', async () => {
    const context = await planner.browser.newContext({ viewport: VIEWPORT });
    // As on a desktop whose browser reports no WebGL at all.
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const listed = await fetch(`${planner.server.url}/api/layers`);
    const { layers } = (await listed.json()) as { layers: { name: string; count: number }[] };
    const total = layers.find((l) => l.name === 'schools')?.count ?? 0;

    await page.goto(planner.server.url);
    await page.getByText('不支持 WebGL2').waitFor({ timeout: READY_TIMEOUT_MS });
    const rows = page.locator('.fallback-schools li');
    const more = page.getByRole('button', { name: '加载更多' });
    await more.waitFor({ timeout: READY_TIMEOUT_MS });
    // The first page only, bounded by a limit well below the number of schools.
    const [first] = schoolPages(requests);
    const pageSize = Number(first?.searchParams.get('limit'));
    expect(first?.searchParams.has('cursor')).toBe(false);
    expect(pageSize).toBeGreaterThan(0);
    expect(pageSize).toBeLessThan(total);
    expect(await rows.count()).toBe(pageSize);
    const firstPageNames = await rows.locator('button').allInnerTexts();

    // 加载更多 asks for the page after it, by cursor, and appends it.
    await more.click();
    const twoPages = Math.min(2 * pageSize, total);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.fallback-schools li').length === n,
      twoPages,
      { timeout: READY_TIMEOUT_MS },
    );
    const second = schoolPages(requests)[1];
    expect(second?.searchParams.get('cursor')).toBeTruthy();
    expect(Number(second?.searchParams.get('limit'))).toBe(pageSize);
    const twoPageNames = await rows.locator('button').allInnerTexts();
    expect(twoPageNames.slice(0, pageSize)).toEqual(firstPageNames);
    // Both pages are light (names and addresses only) and in pinyin order of name, across
    // the page boundary, with no school twice.
    for (const u of [first, second]) {
      expect(u?.searchParams.get('sort')).toBe('name');
      expect(u?.searchParams.get('fields')).toBe('name,address');
    }
    const zh = new Intl.Collator('zh');
    expect(twoPageNames).toEqual([...twoPageNames].sort(zh.compare));
    const sent = await Promise.all(
      [first, second].map(async (u) => (await (await fetch(u!.href)).json()) as SchoolPage),
    );
    const ids = sent.flatMap((p) => p.features.map((f) => f.id));
    expect(new Set(ids).size).toBe(twoPages);
    expect(sent.flatMap((p) => p.features.map((f) => Object.keys(f.properties).sort()))).toEqual(
      Array(twoPages).fill(['address', 'name']),
    );
    if (twoPages < total) {
      await page.getByText(`已显示 ${twoPages} / ${total} 所学校`).waitFor();
      await more.scrollIntoViewIfNeeded();
    }
    await shot(page, 'planner-fallback-list');

    // A query goes to the search API; the hits replace the pages.
    await page.getByRole('searchbox').fill('yxxdyzx');
    await page.waitForFunction(
      () => document.querySelectorAll('.fallback-schools li').length === 1,
      null,
      { timeout: READY_TIMEOUT_MS },
    );
    const hit = rows.locator('button').first();
    expect(await hit.innerText()).toBe('云溪县第一中学');
    expect(requests.some((u) => new URL(u).pathname === '/api/search')).toBe(true);
    await hit.click();
    await page.getByTestId('findings-table').waitFor({ timeout: READY_TIMEOUT_MS });
    const res = await fetch(`${planner.server.url}/api/schools/sch-001/findings`);
    const { findings } = (await res.json()) as { findings: unknown[] };
    expect(await page.locator('[data-testid="findings-table"] tbody tr').count()).toBe(
      findings.length,
    );
    expect(await page.getByTestId('svg-map').locator('[data-finding-id]').count()).toBe(
      findings.length,
    );
    expect(new URL(page.url()).searchParams.get('school')).toBe('sch-001');
    await shot(page, 'planner-fallback');
    // The schools layer was never asked for whole: two bounded pages, nothing more.
    const pages = schoolPages(requests);
    expect(pages).toHaveLength(2);
    for (const u of pages) expect(Number(u.searchParams.get('limit'))).toBe(pageSize);
    expect(errors).toEqual([]);
    await context.close();
  });
});
