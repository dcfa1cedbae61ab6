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

describe('without WebGL', () => {
  it('lists schools, filters them by pinyin initials and opens a dossier with its findings', async () => {
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
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(planner.server.url);
    await page.getByText('不支持 WebGL2').waitFor({ timeout: READY_TIMEOUT_MS });
    await page.getByRole('searchbox').fill('yxxdyzx');
    const first = page.locator('.fallback-schools button').first();
    await page.waitForFunction(
      () => document.querySelectorAll('.fallback-schools li').length === 1,
      null,
      {
        timeout: READY_TIMEOUT_MS,
      },
    );
    expect(await first.innerText()).toBe('云溪县第一中学');
    await first.click();
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
    expect(errors).toEqual([]);
    await context.close();
  });
});
