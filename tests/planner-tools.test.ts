import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  openPage,
  READY_TIMEOUT_MS,
  shot,
  startPlanner,
  waitForMap,
} from './planner-setup.ts';
import type { Planner } from './planner-setup.ts';
import { join } from 'node:path';

// A planner measures a distance on the map and prints the map to PNG and PDF.

let planner: Planner;
beforeAll(async () => {
  planner = await startPlanner();
});
afterAll(() => planner?.close());

describe('measuring and printing', () => {
  it('measures a geodesic distance between two clicks and shows the cursor position', async () => {
    const { page, errors } = await openPage(
      planner.browser,
      `${planner.server.url}/?at=111.30000,30.80000,15.00`,
    );
    await waitForMap(page);
    await page.getByRole('button', { name: '测距' }).click();
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 300);
    await page.mouse.click(box.x + 500, box.y + 300);
    const text = await page.getByTestId('measure-result').innerText();
    const metres = Number(/([\d.]+) 米/.exec(text)?.[1]);
    // MapLibre's 512 px tiles: at zoom 15 a pixel spans 40 075 016 m / 2²⁴ × cos(30.8°)
    // ≈ 2.052 m, so 300 px ≈ 616 m.
    expect(metres).toBeGreaterThan(600);
    expect(metres).toBeLessThan(630);
    expect(await page.getByTestId('coords-wgs84').innerText()).toMatch(/111\.\d{6}, 30\.\d{6}/);
    await shot(page, 'planner-measure');
    expect(errors).toEqual([]);
  });

  it('exports the map as PNG and as PDF with the chosen paper', async () => {
    const { page, errors, outside } = await openPage(
      planner.browser,
      `${planner.server.url}/?at=111.29259,30.79298,14.00`,
    );
    await waitForMap(page);
    await page.getByRole('button', { name: '打印/导出地图' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分辨率（DPI）').selectOption('96');
    for (const [button, magic, file] of [
      ['导出 PNG', '\x89PNG', 'planner-print.png'],
      ['导出 PDF', '%PDF', 'planner-print.pdf'],
    ] as const) {
      const download = page.waitForEvent('download', { timeout: READY_TIMEOUT_MS });
      await dialog.getByRole('button', { name: button }).click();
      const saved = join(ARTIFACTS, file);
      await (await download).saveAs(saved);
      const head = readFileSync(saved).subarray(0, 4).toString('latin1');
      expect(head).toBe(magic);
    }
    expect(errors).toEqual([]);
    expect(outside()).toEqual([]);
  });
});
