import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, READY_TIMEOUT_MS, shot, startPlanner, waitForMap } from './planner-setup.ts';
import type { Planner } from './planner-setup.ts';

// A planner searches a school by its pinyin initials, opens its dossier, and reads the same
// findings the API holds for it.

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

describe('searching a school and reading its dossier', () => {
  it('finds 云溪县第一中学 by pinyin initials, opens its dossier and lists the API’s findings', async () => {
    const { page, outside, errors } = await openPage(planner.browser, planner.server.url);
    await waitForMap(page);
    await shot(page, 'planner-overview');

    const box = page.getByRole('combobox');
    await box.fill('yxxdyzx');
    const option = page.getByRole('option').first();
    await option.waitFor({ timeout: READY_TIMEOUT_MS });
    expect(await option.getAttribute('data-id')).toBe('sch-001');
    await box.press('Enter');

    await page.waitForSelector('body[data-dossier="sch-001"]', { timeout: READY_TIMEOUT_MS });
    expect(await page.getByRole('heading', { level: 2, name: '云溪县第一中学' }).isVisible()).toBe(
      true,
    );
    expect(new URL(page.url()).searchParams.get('school')).toBe('sch-001');

    const res = await fetch(`${planner.server.url}/api/schools/sch-001/findings`);
    const { findings } = (await res.json()) as {
      findings: { id: string; status: string; distanceM: number }[];
    };
    expect(findings.length).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid="findings-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const row = tr as HTMLElement;
        const distance = row.querySelector<HTMLElement>('[data-distance-m]')!.dataset.distanceM;
        return {
          id: row.dataset.findingId,
          status: row.dataset.status,
          distanceM: Number(distance),
        };
      }),
    );
    const byId = (a: { id?: string }, b: { id?: string }) => (a.id ?? '').localeCompare(b.id ?? '');
    expect(rows.sort(byId)).toEqual(
      findings.map(({ id, status, distanceM }) => ({ id, status, distanceM })).sort(byId),
    );
    // Each finding is drawn as a labelled line from the campus to its target.
    const links = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: MapLibreMap }).__atlasMap;
      return map.querySourceFeatures('dossier-links').length;
    });
    expect(links).toBeGreaterThan(0);
    await shot(page, 'planner-dossier');
    expect(errors).toEqual([]);
    expect(outside()).toEqual([]);
  });
});
