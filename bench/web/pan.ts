import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { ROOT, startServer, type RunningServer } from '../../tests/helpers/server.ts';
import { jumpAndSettle, openAtlas, START_TIMEOUT_MS } from './atlas-page.ts';
import { ensureProvinceDb, PROVINCE_DENSEST_TOWN } from '../../scripts/province/index.ts';
import { summariseTrace, TRACE_CATEGORIES } from './trace-summary.ts';
import { typicalTown } from './typical-town.ts';
import type { ThreadBusy } from './trace-summary.ts';
import { summariseProfile } from './profile-summary.ts';
import type { FunctionSelf } from './profile-summary.ts';
import { cpuBetween, sampleCpu } from './cpu-sample.ts';
import type { ThreadCpu } from './cpu-sample.ts';

// Does panning stay smooth at province scale? The real server and the built web app in
// Debian's headless Chromium (software WebGL, so absolute frame times are the CPU's):
// the same scripted pans over three places, every animation frame timed:
//   demo      the demo district (the baseline)
//   town      the province town as crowded as the demo (typical-town.ts): the province's
//             size alone, a million stores loaded and the same crowding in view
//   province  the province's densest town, ≈ 100× the demo's schools and stores in view:
//             crowding, on top of size
// Run: npm run bench:pan. Both servers run throughout and the places take turns,
// PAN_ROUNDS rounds (default 3), each pan in a fresh browser context: frame times on this
// shared machine drift by 2× within minutes, so the ratios pool rounds run side by side,
// and each round's own ratio is printed to show the spread.
//
// Dev options, to find where frame time goes (the defaults are the benchmark):
//   PAN_ZOOMS=11,13        only these zooms
//   PAN_PLACES=demo,town   only these places (demo, town, province)
//   PAN_HIDE='a,b;c*'      variants separated by ';', each in a fresh browser context: the
//                          style layers it hides (an id, or a prefix ending in *); an empty
//                          variant hides nothing
//   PAN_THREADS=1          CPU ms per browser thread per zoom, from /proc (cpu-sample.ts)
//   PAN_TRACE=1            a Chrome trace per zoom: wall and CPU ms per thread (trace-summary.ts)
//   PAN_PROFILE=1          a CPU profile of the page's main thread per zoom (profile-summary.ts)
//   PAN_SHOTS=/tmp/shots   a screenshot per place and zoom, and the features drawn per layer
//   PAN_DIST=/tmp/dist     serve another build of the web app (vite build --outDir …)

const PAN_STEPS = 16;
const PAN_PX = 400;
const PAN_MS = 600;
const ZOOMS = process.env.PAN_ZOOMS?.split(',').map(Number) ?? [11, 13, 15];
const PLACES = process.env.PAN_PLACES?.split(',') ?? ['demo', 'town', 'province'];
const DEMO_CENTRE: [number, number] = [111.3, 30.8];
const VARIANTS = (process.env.PAN_HIDE ?? '').split(';').map((v) => v.split(',').filter(Boolean));
const TRACE = process.env.PAN_TRACE === '1';
const PROFILE = process.env.PAN_PROFILE === '1';
const THREADS = process.env.PAN_THREADS === '1';
const DIST = process.env.PAN_DIST;
const SHOTS = process.env.PAN_SHOTS;
const LONG_FRAME_MS = 50;
const ROUNDS = Number(process.env.PAN_ROUNDS ?? 3);

type Place = { key: string; label: string; center: [number, number]; db: string };
type PanResult = {
  label: string;
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  longFrames: number;
  tileRequests: number;
  /** CPU ms of all the browser's threads per frame (cpu-sample.ts), and of the GPU process. */
  cpuPerFrameMs: number;
  gpuPerFrameMs: number;
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** One variant's pans at every zoom, in a fresh context (no cached tiles). */
async function panOnce(browser: Browser, url: string, place: Place, hide: string[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let tileRequests = 0;
  page.on('request', (r) => void (r.url().includes('/tiles/') && tileRequests++));
  await openAtlas(page, url);
  await page.evaluate((hide) => {
    const map = window.__atlasMap!;
    const hidden = (id: string) =>
      hide.some((h) => (h.endsWith('*') ? id.startsWith(h.slice(0, -1)) : id === h));
    for (const layer of map.getStyle().layers)
      if (hidden(layer.id)) map.setLayoutProperty(layer.id, 'visibility', 'none');
  }, hide);
  const gaps: number[][] = [];
  const threads: ThreadBusy[][] = [];
  const profiles: FunctionSelf[][] = [];
  const cpu: ThreadCpu[][] = [];
  const cdp = PROFILE ? await context.newCDPSession(page) : null;
  for (const zoom of ZOOMS) {
    await jumpAndSettle(page, place.center, zoom);
    if (SHOTS) await describeView(page, `${SHOTS}/${place.key}-z${zoom}`);
    const cpuBefore = sampleCpu();
    if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    gaps.push(
      await page.evaluate(
        async ({ steps, px, ms }) => {
          const map = window.__atlasMap!;
          const gaps: number[] = [];
          let last = performance.now();
          let timing = true;
          const tick = (now: number) => {
            gaps.push(now - last);
            last = now;
            if (timing) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          for (let i = 0; i < steps; i++) {
            const dir = i % 4 < 2 ? 1 : -1; // out and back, so the pans stay over the town
            map.panBy([dir * px, (i % 2) * px * 0.5 * dir], { duration: ms });
            await new Promise((r) => map.once('moveend', r));
          }
          timing = false;
          await new Promise((r) => map.once('idle', r));
          return gaps;
        },
        { steps: PAN_STEPS, px: PAN_PX, ms: PAN_MS },
      ),
    );
    cpu.push(cpuBetween(cpuBefore, sampleCpu()));
    if (TRACE) threads.push(summariseTrace(await browser.stopTracing()));
    if (cdp) profiles.push(summariseProfile((await cdp.send('Profiler.stop')).profile));
  }
  await context.close();
  const label = variantLabel(place, hide);
  ZOOMS.forEach((zoom, i) => {
    const frames = gaps[i]!.length;
    if (THREADS) {
      console.log(`${label}, z${zoom}: CPU ms per thread while panning (${frames} frames)`);
      console.table(cpu[i]);
    }
    if (TRACE) {
      console.log(`${label}, z${zoom}: ms per thread while panning (${frames} frames)`);
      console.table(threads[i]);
    }
    if (PROFILE) {
      console.log(`${label}, z${zoom}: main thread self time by function (${frames} frames)`);
      console.table(profiles[i]);
    }
  });
  // The first gap of each zoom runs from the script's start to the first frame: not a frame.
  return { gaps: gaps.map((g) => g.slice(1)), cpu, tileRequests } satisfies PanSample;
}

/** What one pass of pans over a place gave: per zoom, frame gaps and browser CPU. */
type PanSample = { gaps: number[][]; cpu: ThreadCpu[][]; tileRequests: number };

const variantLabel = (place: Place, hide: string[]) =>
  hide.length ? `${place.label} −[${hide.join(',')}]` : place.label;

/** Per zoom and over all zooms, the samples of every round pooled. */
function pooled(label: string, samples: PanSample[]): PanResult[] {
  const perZoom = ZOOMS.map((zoom, z) =>
    summarise(
      `${label}, z${zoom}`,
      samples.flatMap((s) => s.gaps[z]!),
      samples.map((s) => s.cpu[z]!),
    ),
  );
  const all = summarise(
    label,
    samples.flatMap((s) => s.gaps.flat()),
    samples.flatMap((s) => s.cpu),
  );
  const tileRequests = Math.round(
    samples.reduce((n, s) => n + s.tileRequests, 0) / Math.max(1, samples.length),
  );
  return [...perZoom, all].map((r) => ({ ...r, tileRequests }));
}

/** The view's screenshot, and how many features each style layer draws in it. */
async function describeView(page: Page, path: string) {
  await page.screenshot({ path: `${path}.png` });
  const counts = await page.evaluate(() => {
    const map = window.__atlasMap!;
    const out: Record<string, number> = {};
    for (const f of map.queryRenderedFeatures()) out[f.layer.id] = (out[f.layer.id] ?? 0) + 1;
    return out;
  });
  console.log(path, counts);
}

/** The real server on `db` (the demo district when the file is new), once its tiles answer. */
function serve(db: string) {
  const env = { ATLAS_DB: db, ...(DIST ? { ATLAS_WEB_DIST: DIST } : {}) };
  return startServer(env, { readyPath: '/tiles.json', timeoutMs: START_TIMEOUT_MS });
}

/** One server per database, started once; the places take turns each round. */
async function panRounds(places: Place[]) {
  const servers = new Map<string, RunningServer>();
  const browser = await launchBrowser();
  const samples = new Map<string, PanSample[]>();
  try {
    for (const { db } of places) if (!servers.has(db)) servers.set(db, await serve(db));
    for (let round = 0; round < ROUNDS; round++) {
      for (const place of places) {
        for (const hide of VARIANTS) {
          const label = variantLabel(place, hide);
          const sample = await panOnce(browser, servers.get(place.db)!.url, place, hide);
          samples.set(label, [...(samples.get(label) ?? []), sample]);
        }
      }
    }
    return samples;
  } finally {
    await browser.close();
    for (const server of servers.values()) await server.stop();
  }
}

function summarise(label: string, gaps: number[], cpu: ThreadCpu[][]): PanResult {
  const sorted = gaps.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const cpuMs = (pick: (r: ThreadCpu) => boolean) =>
    cpu.flat().reduce((sum, r) => sum + (pick(r) ? r.cpuMs : 0), 0);
  const perFrame = (ms: number) => round(ms / Math.max(1, gaps.length));
  return {
    label,
    frames: sorted.length,
    p50Ms: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? NaN),
    longFrames: sorted.filter((g) => g > LONG_FRAME_MS).length,
    tileRequests: 0,
    cpuPerFrameMs: perFrame(cpuMs((r) => r.thread === 'total')),
    gpuPerFrameMs: perFrame(cpuMs((r) => r.thread.startsWith('gpu-process/'))),
  };
}

type Ratio = { p50: number; p95: number };

/** Each place's frame times over the demo's: pooled, and round by round. */
function ratiosToDemo(places: Place[], samples: Map<string, PanSample[]>, results: PanResult[]) {
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const whole = (label: string) => results.find((r) => r.label === label);
  const demo = places.find((p) => p.key === 'demo');
  const out: Record<string, Ratio & { perRound: Ratio[] }> = {};
  // Without the demo, or with PAN_HIDE variants only, there is nothing to compare to.
  const demoAll = demo && whole(demo.label);
  const demoRounds = demo && samples.get(demo.label);
  if (!demoAll || !demoRounds) return out;
  for (const place of places.filter((p) => p !== demo)) {
    const all = whole(place.label);
    const rounds = samples.get(place.label);
    if (!all || !rounds) continue;
    const perRound = rounds.map((s, i) => {
      const [d, v] = [demoRounds[i]!, s].map((x) => summarise('', x.gaps.flat(), []));
      return { p50: ratio(v!.p50Ms, d!.p50Ms), p95: ratio(v!.p95Ms, d!.p95Ms) };
    });
    out[place.key] = {
      p50: ratio(all.p50Ms, demoAll.p50Ms),
      p95: ratio(all.p95Ms, demoAll.p95Ms),
      perRound,
    };
  }
  return out;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-pan-'));
  try {
    const province = await ensureProvinceDb();
    const provinceCopy = join(dir, 'province.duckdb'); // the server may migrate its file
    const town = PLACES.includes('town')
      ? await typicalTown({
          provinceDb: province.path,
          provinceSeed: province.sidecar.seed,
          demoDir: join(ROOT, 'data/demo'),
          demoCentre: DEMO_CENTRE,
        })
      : null;
    if (town)
      console.log(
        `town: ${town.name} at ${town.centre.join(',')}, ${town.stores} stores around it ` +
          `against the demo's ${town.demoStores}`,
      );
    const places: Place[] = [
      { key: 'demo', label: 'demo district', center: DEMO_CENTRE, db: join(dir, 'demo.duckdb') },
      ...(town
        ? [
            {
              key: 'town',
              label: `province, ${town.name} (as crowded as the demo)`,
              center: town.centre as [number, number],
              db: provinceCopy,
            },
          ]
        : []),
      {
        key: 'province',
        label: 'province, densest town',
        center: [...PROVINCE_DENSEST_TOWN.centre] as [number, number],
        db: provinceCopy,
      },
    ].filter((p) => PLACES.includes(p.key));
    if (places.some((p) => p.db === provinceCopy)) await copyFile(province.path, provinceCopy);
    const samples = await panRounds(places);
    const results = [...samples].flatMap(([label, s]) => pooled(label, s));
    console.table(results);
    const ratios = ratiosToDemo(places, samples, results);
    for (const [key, r] of Object.entries(ratios))
      console.log(
        `${key} ÷ demo over ${ROUNDS} rounds pooled: frame p50 ${r.p50}×, p95 ${r.p95}×; ` +
          `per round p50 ${r.perRound.map((x) => x.p50).join(', ')}, ` +
          `p95 ${r.perRound.map((x) => x.p95).join(', ')}`,
      );
    const out = resolve(
      ROOT,
      `bench/results/pan-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await writeFile(
      out,
      JSON.stringify(
        { results, rounds: ROUNDS, town, ratiosToDemo: ratios, longFrameMs: LONG_FRAME_MS },
        null,
        2,
      ),
    );
    console.log(`wrote ${out}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
