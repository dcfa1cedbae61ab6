import { execFileSync, fork } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveBare, serveFloor, type FloorBodies } from './floor.ts';
import { gcText, watchGcPauses, type GcSummary } from './gc-pauses.ts';
import { pino } from 'pino';
import { tileRoutes } from '../../apps/api/src/routes/tiles.ts';
import { onError } from '../../apps/api/src/problem.ts';
import { collectGarbageNow } from '../../apps/api/src/reclaim-memory.ts';
import { loadTiles } from '../../apps/api/src/load-tiles.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { openStore } from '@atlas/store';
import { createTileSource, tileKey, type TileCoord } from '@atlas/tiles';
import {
  ensureProvinceDb,
  PROVINCE_BBOX,
  PROVINCE_DENSEST_TOWN,
} from '../../scripts/province/index.ts';
import type { ClientJob, ClientResult } from './client.ts';
import { summarise, summariseSubset, type PassTimings, type Summary } from './stats.ts';
import { tileList } from './tile-list.ts';

// npm run bench:tiles — the province, audited (a saved run: its rings and violation lines
// are tile layers too), loaded once into the real API app, served over
// loopback HTTP to a client in a child process: a fixed list of tiles, cold and warm
// cache, 1 and 16 connections. Prints the numbers and writes them to bench/results/.
// With --postgis (npm run bench:tiles -- --postgis) the same list is then timed on
// PostGIS ST_AsMVT (bench/tiles/postgis/) and the ratios come from this one run.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench/results');
const CONCURRENCIES = [1, 16];
const RSS_SAMPLE_MS = 50;
const MB = 2 ** 20;
/** PostGIS 3.3 ST_AsMVT on this machine (issue 4), mixed z10–16 list, from a client. */
const POSTGIS_TILES_PER_S = { 1: 135, 16: 242 } as Record<number, number>;
/** PostGIS's z14–16 p95 from a client, as the issue measured it. */
const POSTGIS_Z14TO16_P95_MS = 2.5;
const TARGETS = { coldZ14to16P95Ms: 5, warmP95Ms: 1, maxTileBytes: 500 * 1024, rssMb: 1536 };
/** The cold target over PostGIS's figure: with --postgis, checked against PostGIS timed in the same run. */
const COLD_P95_OVER_POSTGIS = TARGETS.coldZ14to16P95Ms / POSTGIS_Z14TO16_P95_MS;
const WITH_POSTGIS = process.argv.includes('--postgis');
/**
 * Warm runs pass over the list this many times and pool the latencies: one pass is 214
 * requests, whose p95 (the 11th slowest) moved between 0.4 and 2.6 ms from run to run on
 * this shared 2-core machine with the server's own time per request under 0.1 ms.
 */
const WARM_PASSES = 3;

const log = (line: string) => console.log(line);
const mb = (bytes: number) => Math.round(bytes / MB);

let peakRss = 0;
const sampler = setInterval(
  () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  RSS_SAMPLE_MS,
);

log(
  `load average (1, 5, 15 min) at the start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
const province = await ensureProvinceDb({ log });
const work = await mkdtemp(join(tmpdir(), 'atlas-bench-tiles-'));
const dbPath = join(work, 'province.duckdb');
await copyFile(province.path, dbPath); // the bench's own copy: nothing else holds its lock
// A saved audit run, so that the tiles carry the audit layers as a bureau's would.
const audited = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./audit-copy.ts', import.meta.url)), dbPath],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .pop()!,
) as { findings: number; ms: number };
log(`audited the copy (Hubei profile): ${audited.findings} findings in ${audited.ms} ms`);
const store = await openStore(dbPath);
const loadStarted = performance.now();
const tiles = createTileSource(store);
// As the server loads its tiles before it logs 'tiles loaded' (apps/api load-tiles.ts).
let rssAtAuditReady = 0;
let rssBeforeGc = 0;
let loadMs = 0;
await loadTiles(tiles, {
  drawn: () => (rssAtAuditReady = process.memoryUsage().rss),
  rings: () => {
    loadMs = performance.now() - loadStarted;
    rssBeforeGc = process.memoryUsage().rss;
  },
});
const rssAfterLoad = process.memoryUsage().rss;
log(
  `loaded in ${(loadMs / 1000).toFixed(1)} s, RSS ${mb(rssAtAuditReady)} MB once the run was drawn, ${mb(rssBeforeGc)} MB with its rings, ` +
    `${mb(rssAfterLoad)} MB after the server's post-load GC, high-water so far ${mb(process.resourceUsage().maxRSS * 1024)} MB: ` +
    JSON.stringify(tiles.stats().features),
);

// The whole API app; if another part of it does not load (work in progress elsewhere),
// the tile routes alone with the app's error handler, and the results say so.
const silent = pino({ level: 'silent' });
let appKind = 'createApp';
let app: { fetch: (req: Request) => Response | Promise<Response> };
try {
  const { createApp } = await import('@atlas/api');
  app = createApp({ store, log: silent, tiles });
} catch (error) {
  appKind = `tile routes only (createApp failed: ${String(error).slice(0, 120)})`;
  const routes = new OpenAPIHono();
  routes.route('/', tileRoutes(tiles));
  routes.onError(onError(silent));
  app = routes;
}
log(`app: ${appKind}`);
// Time inside the app per request (routing, cache lookup or cutting, headers), so the
// results tell the server's share of a latency from the transport's and the client's.
let handlerMs: number[] = [];
/** The same, for the z14–16 tiles alone: the zooms the cold target is for. */
let handlerDetailMs: number[] = [];
const DETAIL_TILE_URL = /\/tiles\/1[4-6]\//;
const timedFetch = async (req: Request) => {
  const started = performance.now();
  const res = await app.fetch(req);
  const ms = performance.now() - started;
  handlerMs.push(ms);
  if (DETAIL_TILE_URL.test(req.url)) handlerDetailMs.push(ms);
  return res;
};
const server = serve({ fetch: timedFetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('server has no TCP address');
const baseUrl = `http://127.0.0.1:${address.port}`;

const list = tileList(PROVINCE_DENSEST_TOWN, PROVINCE_BBOX);
const paths = list.map((t) => `/tiles/${tileKey(t)}.mvt`);
/** The z10–16 part alone: the kind of list the PostGIS figures are for (bench/tiles/postgis). */
const MID_ZOOM = 10;
const midList = list.filter((t) => t.z >= MID_ZOOM);
const midPaths = midList.map((t) => `/tiles/${tileKey(t)}.mvt`);
/** What map clients send (MapLibre in a browser asks for gzip). */
const GZIP = { 'accept-encoding': 'gzip' };
log(`${list.length} tiles, zooms ${list[0]!.z}–${list[list.length - 1]!.z}, at ${baseUrl}`);

const client = fork(fileURLToPath(new URL('./client.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx'],
});
function runClient(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    client.once('message', (m: ClientResult | { error: string }) =>
      'error' in m ? reject(new Error(m.error)) : resolve(m),
    );
    client.send(job);
  });
}

type InApp = { p50Ms: number; p95Ms: number; maxMs: number };
const inAppOf = (ms: number[]): InApp => {
  const { p50Ms, p95Ms, maxMs } = summarise(ms, [], 1);
  return { p50Ms, p95Ms, maxMs };
};

interface RunReport {
  name: string;
  all: Summary;
  z14to16: Summary;
  z10to16: Summary;
  /** Time inside the app alone (no socket, no client), every request of the run. */
  handler: InApp;
  /** The same for the z14–16 requests. */
  handlerZ14to16: InApp;
  passes: number;
  /** Untimed passes before the timed ones (warm runs: WARM_UP_PASSES). */
  warmUpPasses: number;
  statuses: Record<number, number>;
  /** The slowest requests as "z/x/y ms bytes": which tiles make the run's tail. */
  slowest: string[];
  /** p95 of each pass on its own (warm runs pool several). */
  passP95Ms: number[];
  /** The server's GC pauses during the run, by kind. */
  gc: GcSummary;
  /** The load client's own GC pauses, pass by pass. */
  clientGcPerPass: GcSummary[];
}

/** How many of a run's slowest requests the report names. */
const SLOWEST_LISTED = 12;

/** The run's slowest requests, slowest first, as "z/x/y 1.23ms 45678B". */
function slowestOf(repeated: readonly TileCoord[], r: PassTimings): string[] {
  return repeated
    .map((t, i) => ({ t, ms: r.latenciesMs[i]!, bytes: r.bytes[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST_LISTED)
    .map(({ t, ms, bytes }) => `${tileKey(t)} ${ms.toFixed(2)}ms ${bytes}B`);
}

/** The server's GC pauses (this process is the server). */
const serverGc = watchGcPauses();

/** Passes pooled, with each pass's own p95 (how far one pass is from the next). */
type PooledResult = Omit<ClientResult, 'clientGc'> & {
  passP95Ms: number[];
  clientGcPerPass: GcSummary[];
};

/** One pass after another over the same list, latencies and bytes pooled. */
async function runPasses(job: ClientJob, passes: number): Promise<PooledResult> {
  const pooled: PooledResult = {
    latenciesMs: [],
    statuses: [],
    bytes: [],
    wallMs: 0,
    passP95Ms: [],
    clientGcPerPass: [],
  };
  for (let i = 0; i < passes; i++) {
    const r = await runClient(job);
    pooled.passP95Ms.push(summarise(r.latenciesMs, [], 1).p95Ms);
    pooled.clientGcPerPass.push(r.clientGc);
    pooled.latenciesMs.push(...r.latenciesMs);
    pooled.statuses.push(...r.statuses);
    pooled.bytes.push(...r.bytes);
    pooled.wallMs += r.wallMs;
  }
  return pooled;
}

// Every run starts on a collected heap, and the GC its own requests cause is in its numbers.
// Without this a run pays for the one before: loading leaves the old heap near V8's limit
// (its first full GC is ≈ 0.3 s of incremental marking, then a 35 ms pause), and a cold
// pass leaves garbage whose concurrent marking takes a core from the client during the
// warm pass after it (warm c1 p95 1.4–1.8 ms that way, 0.44 ms on a settled server at the
// end of a run, with the server's own time per request under 0.15 ms either way).
/** GC, then idle while V8's helper threads finish sweeping (they share the client's cores). */
const SETTLE_MS = 1000;
async function settle() {
  collectGarbageNow();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
/**
 * Untimed passes between settle() and a warm run. That forced GC upsets V8's compiled code
 * for a few hundred requests: a probe on the demo district (the app, the floor and a bare
 * node:http server taking turns, a GC before each turn) saw 23–73 functions marked for
 * TurboFan again in the third pass after the GC (4–15 in each of the first two), and that
 * pass's p95 at 0.94–1.79 ms for the app in 10 of 12 turns, against 0.29–1.07 ms in the
 * others; with no forced GC, or with three passes between it and the timed ones, every
 * pass of every server stayed under 0.53 ms but one (0.70). A server never forces a GC
 * while it serves (only once, after loading), so a warm run is timed on a server past that.
 */
const WARM_UP_PASSES = 3;

async function measure(
  name: string,
  concurrency: number,
  cold: boolean,
  headers = {},
  only: { tiles: readonly TileCoord[]; paths: string[] } = { tiles: list, paths },
) {
  if (cold) tiles.clearCache();
  await settle();
  const job = { baseUrl, paths: only.paths, concurrency, headers };
  if (!cold) await runPasses(job, WARM_UP_PASSES);
  handlerMs = [];
  handlerDetailMs = [];
  serverGc.take();
  const passes = cold ? 1 : WARM_PASSES;
  const r = await runPasses(job, passes);
  const repeated = Array.from({ length: passes }, () => only.tiles).flat();
  const inApp = inAppOf(handlerMs);
  const inAppDetail = inAppOf(handlerDetailMs);
  const statuses: Record<number, number> = {};
  for (const s of r.statuses) statuses[s] = (statuses[s] ?? 0) + 1;
  const report: RunReport = {
    name,
    all: summarise(r.latenciesMs, r.bytes, r.wallMs),
    z14to16: summariseSubset(repeated, r, (t) => t.z >= 14),
    z10to16: summariseSubset(repeated, r, (t) => t.z >= MID_ZOOM),
    handler: inApp,
    handlerZ14to16: inAppDetail,
    passes,
    warmUpPasses: cold ? 0 : WARM_UP_PASSES,
    statuses,
    slowest: slowestOf(repeated, r),
    passP95Ms: r.passP95Ms,
    gc: serverGc.take(),
    clientGcPerPass: r.clientGcPerPass,
  };
  const a = report.all;
  log(
    `${name.padEnd(16)} p50 ${a.p50Ms} ms  p95 ${a.p95Ms} ms  max ${a.maxMs} ms  ${a.tilesPerS} tiles/s  ` +
      `mean ${a.meanBytes} B  max ${a.maxBytes} B  | z14–16 p95 ${report.z14to16.p95Ms} ms | z10–16 ${report.z10to16.tilesPerS} tiles/s  ` +
      `| in app p95 ${inApp.p95Ms} ms, z14–16 ${inAppDetail.p95Ms} ms | ${passes} pass${passes > 1 ? 'es' : ''}${report.warmUpPasses ? ` after ${report.warmUpPasses} untimed` : ''}  ${JSON.stringify(statuses)}`,
  );
  log(`${''.padEnd(16)} slowest: ${report.slowest.slice(0, 5).join(', ')}`);
  log(
    `${''.padEnd(16)} p95 per pass ${report.passP95Ms.join(' / ')} ms | server GC ${gcText(report.gc)} | client GC per pass ${report.clientGcPerPass.map(gcText).join('; ')}`,
  );
  return report;
}

// Warm the client and the HTTP path (not tile cutting): requests for an empty tile far
// from the data, answered 204 from the first cut on.
const EMPTY_TILE_PATH = '/tiles/16/0/0.mvt';
const WARM_UP_REQUESTS = 200;
await runClient({
  baseUrl,
  paths: Array.from({ length: WARM_UP_REQUESTS }, () => EMPTY_TILE_PATH),
  concurrency: 1,
  headers: {},
});

// Identity (no Accept-Encoding) and gzip (what a browser sends: the cached gzip body goes
// out as it is) are both measured; warm gzip runs follow a cold gzip pass that made them.
// Warm runs pool WARM_PASSES passes after WARM_UP_PASSES untimed ones; cold runs are one pass.
const runs: RunReport[] = [];
const mid = { tiles: midList, paths: midPaths };
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
for (const c of CONCURRENCIES) {
  runs.push(await measure(`cold c${c}`, c, true));
  // A second cold pass: how far one cold pass is from the next on this machine.
  if (c === 1) runs.push(await measure(`cold c1 again`, c, true));
  runs.push(await measure(`warm c${c}`, c, false));
  runs.push(await measure(`cold c${c} gzip`, c, true, GZIP));
  runs.push(await measure(`warm c${c} gzip`, c, false, GZIP));
  runs.push(await measure(`cold c${c} z10-16`, c, true, {}, mid));
}
const byName = new Map(runs.map((r) => [r.name, r]));
const run = (name: string) => byName.get(name)!;

// Tile sizes uncompressed: every tile of the list, straight from the source; the same bytes
// feed the transport floor.
let maxTileBytes = 0;
let maxTile = '';
const floorBodies = new Map<string, FloorBodies>();
for (const [i, t] of list.entries()) {
  const entry = await tiles.tile(t);
  const size = entry.body?.byteLength ?? 0;
  if (size > maxTileBytes) [maxTileBytes, maxTile] = [size, tileKey(t)];
  if (entry.body) floorBodies.set(paths[i]!, { identity: entry.body, gzip: tiles.gzipped(entry) });
}

// The floors: the same bodies from a Map, on our adapter (`floor`) and on node:http alone
// (`bare`), timed by the same client (floor.ts). Ours and the floors take turns,
// WARM_PASSES straight passes each per round as the warm runs make, so that all see the
// same machine: a floor measured once after our runs moved between 0.45 and 1.15 ms p95
// from run to run, and over three straight passes between 0.47 and 1.52 ms within one run.
// Each turn is judged as the warm runs are (p95 of its passes pooled against the target),
// so a run says how often the bare server itself misses the target on this machine.
const FLOOR_ROUNDS = 3;
const floors = { floor: await serveFloor(floorBodies), bare: await serveBare(floorBodies) };
const PARTIES = ['ours', 'floor', 'bare'] as const;
type Party = (typeof PARTIES)[number];
const partyUrl: Record<Party, string> = {
  ours: baseUrl,
  floor: floors.floor.baseUrl,
  bare: floors.bare.baseUrl,
};
interface PartyTurns {
  /** All of its passes pooled. */
  pooled: Summary;
  /** p95 of each turn (WARM_PASSES straight passes pooled), as a warm run is judged. */
  turnP95Ms: number[];
  passP95Ms: number[];
  clientGcPerPass: GcSummary[];
}
const floorRuns: Record<string, Record<Party, PartyTurns>> = {};
for (const [name, headers] of [
  ['warm c1', {}],
  ['warm c1 gzip', GZIP],
] as const) {
  const taken = {} as Record<Party, Omit<PartyTurns, 'pooled'> & { latenciesMs: number[] }>;
  for (const p of PARTIES) {
    taken[p] = { latenciesMs: [], turnP95Ms: [], passP95Ms: [], clientGcPerPass: [] };
  }
  for (let round = 0; round < FLOOR_ROUNDS; round++) {
    for (const who of PARTIES) {
      await settle();
      const job = { baseUrl: partyUrl[who], paths, concurrency: 1, headers };
      await runPasses(job, WARM_UP_PASSES);
      const r = await runPasses(job, WARM_PASSES);
      taken[who].latenciesMs.push(...r.latenciesMs);
      taken[who].turnP95Ms.push(summarise(r.latenciesMs, [], 1).p95Ms);
      taken[who].passP95Ms.push(...r.passP95Ms);
      taken[who].clientGcPerPass.push(...r.clientGcPerPass);
    }
  }
  const f = {} as Record<Party, PartyTurns>;
  for (const p of PARTIES) {
    const { latenciesMs, ...rest } = taken[p];
    f[p] = { pooled: summarise(latenciesMs, [], 1), ...rest };
  }
  floorRuns[name] = f;
  const met = (p: Party) =>
    `${f[p].turnP95Ms.filter((ms) => ms <= TARGETS.warmP95Ms).length}/${FLOOR_ROUNDS}`;
  log(
    `${name} taking turns, ${FLOOR_ROUNDS} rounds of ${WARM_PASSES} passes each, p50 / p95 ms: ` +
      PARTIES.map((p) => `${p} ${f[p].pooled.p50Ms} / ${f[p].pooled.p95Ms}`).join(', ') +
      ` | ours ÷ floor p95 ${ratio(f.ours.pooled.p95Ms, f.floor.pooled.p95Ms)}×, ÷ bare ${ratio(f.ours.pooled.p95Ms, f.bare.pooled.p95Ms)}×`,
  );
  log(
    `${''.padEnd(16)} p95 per turn (≤ ${TARGETS.warmP95Ms} ms: ${PARTIES.map((p) => `${p} ${met(p)}`).join(', ')}): ` +
      PARTIES.map((p) => `${p} ${f[p].turnP95Ms.join(' / ')}`).join('; '),
  );
  log(
    `${''.padEnd(16)} p95 per pass: ${PARTIES.map((p) => `${p} ${f[p].passP95Ms.join(' / ')}`).join('; ')}`,
  );
  log(
    `${''.padEnd(16)} client GC per pass: ${PARTIES.map((p) => `${p} ${f[p].clientGcPerPass.map(gcText).join('; ')}`).join(' | ')}`,
  );
}
floors.floor.close();
floors.bare.close();

clearInterval(sampler);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const checks = {
  coldZ14to16P95: run('cold c1').z14to16.p95Ms <= TARGETS.coldZ14to16P95Ms,
  coldZ14to16P95Gzip: run('cold c1 gzip').z14to16.p95Ms <= TARGETS.coldZ14to16P95Ms,
  warmP95Identity: run('warm c1').all.p95Ms <= TARGETS.warmP95Ms,
  warmP95Gzip: run('warm c1 gzip').all.p95Ms <= TARGETS.warmP95Ms,
  maxTileBytes: maxTileBytes <= TARGETS.maxTileBytes,
  throughputC1VsFixed: run('cold c1 z10-16').all.tilesPerS >= 2 * POSTGIS_TILES_PER_S[1]!,
  throughputC16VsFixed: run('cold c16 z10-16').all.tilesPerS >= 2 * POSTGIS_TILES_PER_S[16]!,
  rss: maxRssMb <= TARGETS.rssMb,
};
const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);
const loadAfterOurs = loadAverage();
log(`largest tile ${maxTile}: ${maxTileBytes} B uncompressed`);
log(
  `RSS after load ${mb(rssAfterLoad)} MB, peak sampled ${mb(peakRss)} MB, peak (maxRSS, incl. load) ${maxRssMb} MB`,
);
log(
  `z10–16 list, cold: ${run('cold c1 z10-16').all.tilesPerS} tiles/s serial, ${run('cold c16 z10-16').all.tilesPerS} at 16; ` +
    `issue's PostGIS figures ${POSTGIS_TILES_PER_S[1]} and ${POSTGIS_TILES_PER_S[16]} (target 2×)`,
);
log(`load average (1, 5, 15 min) at the end of our runs: ${loadAfterOurs.join(', ')}`);
log(`targets met: ${JSON.stringify(checks)}`);

client.kill();
server.close();
tiles.close();
await store.close();
await rm(work, { recursive: true, force: true });

// PostGIS on the same list, after ours is shut down (it needs the CPU to itself too).
let postgis: {
  result: unknown;
  ratios: Record<string, number>;
  sameRunChecks: Record<string, boolean>;
} | null = null;
if (WITH_POSTGIS) {
  const { runPostgisReference } = await import('./postgis/index.ts');
  const result = await runPostgisReference({ tiles: list, log });
  // Ours over theirs, tiles/s, each list against the same list (z10–16: their tiles below
  // z10 are not aggregated and reach 20 MB).
  const ratios: Record<string, number> = {};
  for (const name of ['cold c1', 'cold c16', 'warm c1', 'warm c16']) {
    for (const [ours, theirs] of [
      [name, { name, list: 'all' }],
      [`${name} z10-16`, { name: `${name} z10-16`, list: 'z10-16' }],
    ] as const) {
      const mine = byName.get(ours);
      const pg = result.runs.find((r) => r.name === theirs.name && r.list === theirs.list);
      if (mine && pg)
        ratios[ours] = Math.round((mine.all.tilesPerS / pg.all.tilesPerS) * 100) / 100;
    }
  }
  log(`atlas ÷ PostGIS tiles/s, this run: ${JSON.stringify(ratios)} (target ≥ 2 on z10-16)`);
  // "Ratios in one run count, absolute times drift" (issue 4): the cold and throughput
  // targets again, against PostGIS timed on this machine in this run.
  const pgColdZ14to16P95 = result.runs.find((r) => r.name === 'cold c1' && r.list === 'all')
    ?.z14to16.p95Ms;
  const coldLimit = pgColdZ14to16P95 === undefined ? NaN : COLD_P95_OVER_POSTGIS * pgColdZ14to16P95;
  const sameRunChecks = {
    coldZ14to16P95: run('cold c1').z14to16.p95Ms <= coldLimit,
    coldZ14to16P95Gzip: run('cold c1 gzip').z14to16.p95Ms <= coldLimit,
    throughputC1: (ratios['cold c1 z10-16'] ?? 0) >= 2,
    throughputC16: (ratios['cold c16 z10-16'] ?? 0) >= 2,
  };
  log(
    `PostGIS cold c1 z14–16 p95 this run ${pgColdZ14to16P95} ms: our cold target ${COLD_P95_OVER_POSTGIS}× that = ${Math.round(coldLimit * 100) / 100} ms ` +
      `(ours ${run('cold c1').z14to16.p95Ms} identity, ${run('cold c1 gzip').z14to16.p95Ms} gzip)`,
  );
  log(`targets met against PostGIS in this run: ${JSON.stringify(sameRunChecks)}`);
  postgis = { result, ratios, sameRunChecks };
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
await mkdir(RESULTS_DIR, { recursive: true });
const out = join(RESULTS_DIR, `tiles-${stamp}.json`);
await writeFile(
  out,
  `${JSON.stringify(
    {
      command: 'npm run bench:tiles',
      app: appKind,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      province: province.sidecar,
      tiles: list.length,
      loadMs: Math.round(loadMs),
      auditFindings: audited.findings,
      features: tiles.stats().features,
      rssBeforeGcMb: mb(rssBeforeGc),
      rssAfterLoadMb: mb(rssAfterLoad),
      peakRssSampledMb: mb(peakRss),
      maxRssMb,
      maxTile: { tile: maxTile, bytes: maxTileBytes },
      runs,
      transportFloor: floorRuns,
      postgisReference: POSTGIS_TILES_PER_S,
      loadAverageAfterOurs: loadAfterOurs,
      loadAverageAtEnd: loadAverage(),
      postgis,
      targets: TARGETS,
      checks,
    },
    null,
    2,
  )}\n`,
);
log(`wrote ${out}`);
