import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { freePort, ROOT, spawnServer } from '../../tests/helpers/server.ts';
import { ensureProvinceDb, PROVINCE_DENSEST_TOWN } from '../../scripts/province/index.ts';

// Does panning stay smooth at province scale? The real server and the built web app in
// Debian's headless Chromium (software WebGL, so absolute frame times are the CPU's):
// the same scripted pans over the demo district (baseline) and over the province's densest
// town, every animation frame timed. Run: npm run build:web && npm run bench:pan.

const START_TIMEOUT_MS = 180_000;
const PAN_STEPS = 16;
const PAN_PX = 400;
const PAN_MS = 600;
const ZOOMS = [11, 13, 15];
const LONG_FRAME_MS = 50;

type Place = { label: string; center: [number, number]; db: string };
type PanResult = {
  label: string;
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  longFrames: number;
  tileRequests: number;
};

async function serve(db: string) {
  const port = await freePort();
  const server = spawnServer({ PORT: String(port), HOST: '127.0.0.1', ATLAS_DB: db });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`server did not start:\n${server.output()}`);
    const ok = await fetch(`${url}/tiles.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop: () => (server.proc.kill('SIGTERM'), server.exited) };
    await new Promise((r) => setTimeout(r, 500));
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function pan(place: Place): Promise<PanResult[]> {
  const server = await serve(place.db);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it too.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    let tileRequests = 0;
    page.on('request', (r) => void (r.url().includes('/tiles/') && tileRequests++));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__atlasMap?.loaded());
    const gaps = await page.evaluate(
      async ({ center, zooms, steps, px, ms }) => {
        const map = window.__atlasMap!;
        const idle = () => new Promise((r) => map.once('idle', r));
        const gaps: number[][] = [];
        let last = performance.now();
        let timing = true;
        const tick = (now: number) => {
          gaps.at(-1)!.push(now - last);
          last = now;
          if (timing) requestAnimationFrame(tick);
        };
        for (const zoom of zooms) {
          map.jumpTo({ center, zoom });
          await idle();
          timing = true;
          gaps.push([]);
          last = performance.now();
          requestAnimationFrame(tick);
          for (let i = 0; i < steps; i++) {
            const dir = i % 4 < 2 ? 1 : -1; // out and back, so the pans stay over the town
            map.panBy([dir * px, (i % 2) * px * 0.5 * dir], { duration: ms });
            await new Promise((r) => map.once('moveend', r));
          }
          timing = false;
          await idle();
        }
        return gaps;
      },
      { center: place.center, zooms: ZOOMS, steps: PAN_STEPS, px: PAN_PX, ms: PAN_MS },
    );
    return ZOOMS.map((zoom, i) => summarise(`${place.label}, z${zoom}`, gaps[i]!.slice(1)))
      .concat(
        summarise(
          place.label,
          gaps.flatMap((g) => g.slice(1)),
        ),
      )
      .map((r) => ({ ...r, tileRequests }));
  } finally {
    await browser.close();
    await server.stop();
  }
}

function summarise(label: string, gaps: number[]): PanResult {
  const sorted = gaps.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    label,
    frames: sorted.length,
    p50Ms: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? NaN),
    longFrames: sorted.filter((g) => g > LONG_FRAME_MS).length,
    tileRequests: 0,
  };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-pan-'));
  try {
    const province = await ensureProvinceDb();
    const provinceCopy = join(dir, 'province.duckdb'); // the server may migrate its file
    await copyFile(province.path, provinceCopy);
    const places: Place[] = [
      { label: 'demo district', center: [111.3, 30.8], db: join(dir, 'demo.duckdb') },
      {
        label: 'province, densest town',
        center: [...PROVINCE_DENSEST_TOWN.centre] as [number, number],
        db: provinceCopy,
      },
    ];
    const results: PanResult[] = [];
    for (const place of places) results.push(...(await pan(place)));
    console.table(results);
    const whole = (label: string) => results.find((r) => r.label === label)!;
    const [demo, prov] = places.map((p) => whole(p.label)) as [PanResult, PanResult];
    console.log(
      `province ÷ demo: frame p50 ${(prov.p50Ms / demo.p50Ms).toFixed(2)}×, ` +
        `p95 ${(prov.p95Ms / demo.p95Ms).toFixed(2)}×`,
    );
    const out = resolve(
      ROOT,
      `bench/results/pan-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await writeFile(out, JSON.stringify({ results, longFrameMs: LONG_FRAME_MS }, null, 2));
    console.log(`wrote ${out}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
