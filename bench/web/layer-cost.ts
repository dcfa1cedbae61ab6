import { launchBrowser } from '../../tests/helpers/browser.ts';
import { PROVINCE_DENSEST_TOWN } from '../../scripts/province/index.ts';
import { cpuBetween, sampleCpu } from './cpu-sample.ts';
import { jumpAndSettle, openAtlas } from './atlas-page.ts';

// What does each style layer cost to draw? A dev tool beside bench:pan: on a running
// server, the view held still at each zoom, the CPU the browser spends per repaint with
// every layer shown, with none, and with one group of layers alone (software WebGL, so
// the cost of drawing is CPU time in the GPU process).
//   npx tsx bench/web/layer-cost.ts http://127.0.0.1:8080 [lng,lat] [zooms]

const REPAINTS = 12;
const GROUPS: Record<string, string[]> = {
  all: ['*'],
  none: [],
  admin: ['admin_areas-'],
  water: ['water-'],
  roads: ['roads-'],
  'roads-casing': ['roads-casing'],
  routes: ['routes-'],
  'routes-casing': ['routes-casing'],
  hazards: ['hazards-'],
  'schools-point': ['schools-point', 'schools-cell'],
  'schools-label': ['schools-label'],
  'schools-campus': ['schools-campus'],
  'stores-bubble': ['stores-cell'],
  'stores-count': ['stores-cell-count'],
  'stores-dots': ['stores-cell-other', 'stores-cell-one', 'stores-point'],
  'place-names': ['admin_areas-label', 'admin_areas-county-label'],
  'audit-rings': ['audit-zones-line'],
  'audit-lines': ['audit-violations-line'],
};

const [url = 'http://127.0.0.1:8080', at, zoomArg] = process.argv.slice(2);
const center = (at?.split(',').map(Number) ?? [...PROVINCE_DENSEST_TOWN.centre]) as [
  number,
  number,
];
const zooms = zoomArg?.split(',').map(Number) ?? [11, 13, 15];

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openAtlas(page, url);
  const rows: Record<string, string | number>[] = [];
  for (const zoom of zooms) {
    await jumpAndSettle(page, center, zoom);
    const row: Record<string, string | number> = { zoom };
    for (const [name, prefixes] of Object.entries(GROUPS)) {
      await page.evaluate((prefixes) => {
        const map = window.__atlasMap!;
        for (const { id } of map.getStyle().layers) {
          const on = id === 'background' || prefixes.some((p) => p === '*' || id.startsWith(p));
          map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
        }
        return new Promise((r) => map.once('idle', r));
      }, prefixes);
      const before = sampleCpu();
      const t0 = Date.now();
      await page.evaluate(async (n) => {
        const map = window.__atlasMap!;
        for (let i = 0; i < n; i++) {
          map.triggerRepaint();
          await new Promise((r) => map.once('render', r));
        }
      }, REPAINTS);
      const wall = (Date.now() - t0) / REPAINTS;
      const cpu = cpuBetween(before, sampleCpu())[0]!.cpuMs / REPAINTS;
      row[name] = `${Math.round(cpu)}/${Math.round(wall)}`;
    }
    rows.push(row);
  }
  console.log(`CPU ms / wall ms per repaint, ${REPAINTS} repaints, at ${center.join(',')}`);
  console.table(rows);
} finally {
  await browser.close();
}
