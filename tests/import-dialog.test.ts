import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcj02, gcj02ToWgs84, geodesicDistanceM } from '@atlas/geo';
import { openPage, READY_TIMEOUT_MS, shot, startPlanner, waitForMap } from './planner-setup.ts';
import type { Planner } from './planner-setup.ts';

// A planner imports a shop list with 高德 (GCJ-02) coordinates through the upload dialog:
// the preview names the bad row, a corrected file replaces it, the offered CRS is
// confirmed, the commit writes WGS84 and the map reloads its tiles.

/** Converted positions must match @atlas/geo's GCJ-02 → WGS84 to a centimetre. */
const SAME_PLACE_M = 0.01;
const HEADER = '名称,类型,地址,经度(高德),纬度(高德)';
const SHOPS = [
  { name: '导入测试网吧甲', kind: '网吧', address: '测试路1号', lng: 111.30512, lat: 30.79823 },
  { name: '导入测试彩票乙', kind: '体彩', address: '测试路2号', lng: 111.30155, lat: 30.79911 },
  { name: '导入测试烟酒丙', kind: '烟酒', address: '测试路3号', lng: 111.29876, lat: 30.80102 },
];
/** Row 3 of the bad file (row 1 is the header) has text where the longitude belongs. */
const BAD_ROW = 3;

function csv(lngOfSecond: string): string {
  const lines = SHOPS.map((s, i) =>
    [s.name, s.kind, s.address, i === 1 ? lngOfSecond : s.lng, s.lat].join(','),
  );
  return [HEADER, ...lines].join('\n') + '\n';
}

let planner: Planner;
let dir: string;
beforeAll(async () => {
  planner = await startPlanner();
  dir = mkdtempSync(join(tmpdir(), 'atlas-import-dialog-'));
});
afterAll(async () => {
  await planner?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the import dialog', () => {
  it('previews, names the bad row, takes a corrected file, confirms GCJ-02 and commits WGS84', async () => {
    const bad = join(dir, 'shops-bad.csv');
    const fixed = join(dir, 'shops-fixed.csv');
    writeFileSync(bad, csv('abc'));
    writeFileSync(fixed, csv(String(SHOPS[1]!.lng)));

    const { page, requests, errors, outside } = await openPage(
      planner.browser,
      `${planner.server.url}/?at=111.30200,30.79950,15.00`,
    );
    await waitForMap(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The modal keeps focus inside while tabbing through it.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

    await dialog.getByLabel('导入到图层').selectOption('stores');
    await dialog.getByLabel('数据文件').setInputFiles(bad);
    await dialog.getByLabel('数据来源（可选）').fill('市场监管局（高德坐标）测试');
    await dialog.getByRole('button', { name: '上传并预览' }).click();
    const problems = dialog.getByTestId('import-problems');
    await problems.waitFor({ timeout: READY_TIMEOUT_MS });
    const badLine = problems.getByRole('row').filter({ hasText: 'not a number: "abc"' });
    expect(await badLine.innerText()).toMatch(new RegExp(`^${BAD_ROW}\\s+经度\\(高德\\)`));
    const blockers = dialog.getByTestId('import-blockers');
    expect(await blockers.innerText()).toContain('坐标系尚未确认');
    expect(await blockers.innerText()).toContain('1 个错误');
    const commit = dialog.getByRole('button', { name: '确认导入' });
    expect(await commit.isDisabled()).toBe(true);

    await dialog.getByLabel('数据文件').setInputFiles(fixed);
    await dialog.getByRole('button', { name: '上传并预览' }).click();
    await dialog
      .getByTestId('import-preview')
      .getByText('shops-fixed.csv', { exact: false })
      .waitFor({ timeout: READY_TIMEOUT_MS });
    expect(await dialog.getByTestId('import-counts').innerText()).toMatch(/新增\s+3/);
    expect(await blockers.innerText()).not.toContain('错误');
    await dialog.getByLabel('确认坐标系').selectOption('GCJ-02');
    expect(await blockers.count()).toBe(0);
    const mapPreview = dialog.getByTestId('import-map');
    expect(await mapPreview.getAttribute('data-features')).toBe('3');
    await page.waitForTimeout(1500); // let the preview map draw its tiles for the picture
    await shot(page, 'import-dialog');

    const tileJsonBefore = requests.filter((u) => u.endsWith('/tiles.json')).length;
    await commit.click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor({ timeout: READY_TIMEOUT_MS });
    expect(await result.innerText()).toContain('新增 3 条');
    await expect
      .poll(() => requests.filter((u) => u.endsWith('/tiles.json')).length)
      .toBeGreaterThan(tileJsonBefore);
    await shot(page, 'import-dialog-done');

    const res = await fetch(
      `${planner.server.url}/api/layers/stores?bbox=111.28,30.78,111.32,30.82&limit=10000`,
    );
    type Store = {
      geometry: { coordinates: [number, number] };
      properties: { name: string; categories: string[]; provenance: { originalCrs: string } };
    };
    const { features } = (await res.json()) as { features: Store[] };
    for (const shop of SHOPS) {
      const stored = features.find((f) => f.properties.name === shop.name);
      expect(stored, shop.name).toBeDefined();
      const expected = gcj02ToWgs84(gcj02([shop.lng, shop.lat]));
      expect(geodesicDistanceM(stored!.geometry.coordinates, expected)).toBeLessThan(SAME_PLACE_M);
      expect(geodesicDistanceM(stored!.geometry.coordinates, [shop.lng, shop.lat])).toBeGreaterThan(
        100,
      );
      expect(stored!.properties.provenance.originalCrs).toBe('GCJ-02');
    }
    const both = features.find((f) => f.properties.name === SHOPS[2]!.name)!;
    expect([...both.properties.categories].sort()).toEqual(['liquor', 'tobacco']);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(outside()).toEqual([]);
  });
});
