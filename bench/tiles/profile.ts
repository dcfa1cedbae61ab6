import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { gzipSync } from 'node:zlib';
import { openStore } from '@atlas/store';
import { buildTile, createTileSource, TILE_LAYERS, tileKey, type TileCoord } from '@atlas/tiles';
import { PROVINCE_BBOX, PROVINCE_DENSEST_TOWN } from '../../scripts/province/index.ts';
import { tileList } from './tile-list.ts';
import { collectGarbageNow } from '../../apps/api/src/reclaim-memory.ts';

// Dev aid: load the province into a tile source, then cut every tile of the bench list
// in-process (no HTTP), printing time per zoom and the slowest tiles; --cpu writes a
// CPU profile of the cutting alone. npx tsx bench/tiles/profile.ts <db> [--cpu out];
// TILES=z/x/y,… prints per layer time and bytes of those tiles; GZIP=1 gzips each tile too.
// First it waits for the perimeter rings of every school, and says how long that took.

const [dbPath, flag, out] = process.argv.slice(2);
const GZIP_LEVEL = process.env.GZIP === undefined ? undefined : Number(process.env.GZIP);
const store = await openStore(dbPath!);
const t0 = performance.now();
const source = createTileSource(store);
await source.ready;
await source.auditReady; // an audited database: its rings and violation lines are tile layers too
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
console.log(`load ${Math.round(performance.now() - t0)} ms, RSS ${mb()} MB`);
collectGarbageNow(); // as the server does after loading
console.log(
  `after gc RSS ${mb()} MB`,
  Object.fromEntries(
    Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)]),
  ),
);
const list = tileList(PROVINCE_DENSEST_TOWN, PROVINCE_BBOX);
const data = (source as unknown as { data: Parameters<typeof buildTile>[0] }).data;
// The perimeter rings: computed for every school in the background once the run is drawn.
const ringsStarted = performance.now();
await source.ringsReady;
console.log(
  `rings: ${source.stats().zoneSchoolsComputed} schools, ready ${Math.round(performance.now() - ringsStarted)} ms after the run was drawn`,
);
/** Slow tiles as "z/x/y 1.2ms 3456B, …". */
const listed = (tiles: [number, string, number][]) =>
  tiles.map(([ms, k, b]) => `${k} ${ms.toFixed(1)}ms ${b}B`).join(', ');
const session = new Session();
if (flag === '--cpu') {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let pass = 0; pass < 2; pass++) {
  const byZoom = new Map<number, number[]>();
  const slow: [number, string, number][] = [];
  const t1 = performance.now();
  for (const t of list) {
    const s = performance.now();
    const body = buildTile(data, t);
    // GZIP=<level>: time compressing each tile too, as a cold gzip request does.
    if (GZIP_LEVEL !== undefined && body) gzipSync(body, { level: GZIP_LEVEL });
    const ms = performance.now() - s;
    byZoom.set(t.z, [...(byZoom.get(t.z) ?? []), ms]);
    slow.push([ms, tileKey(t), body?.byteLength ?? 0]);
  }
  const total = performance.now() - t1;
  console.log(
    `pass ${pass}: ${list.length} tiles in ${Math.round(total)} ms = ${Math.round((list.length / total) * 1000)} tiles/s`,
  );
  for (const [z, ms] of [...byZoom].sort((a, b) => a[0] - b[0])) {
    ms.sort((a, b) => a - b);
    const sum = ms.reduce((a, b) => a + b, 0);
    console.log(
      `  z${z} n=${ms.length} sum ${sum.toFixed(0)} p50 ${ms[ms.length >> 1]!.toFixed(2)} max ${ms[ms.length - 1]!.toFixed(2)}`,
    );
  }
  slow.sort((a, b) => b[0] - a[0]);
  console.log('  slowest', listed(slow.slice(0, 6)));
  const detail = slow.filter(([, k]) => Number(k.split('/')[0]) >= 14);
  console.log('  slowest z14–16', listed(detail.slice(0, 4)));
}
// Per layer: ms and bytes of the slowest tiles, one layer at a time.
const layers = [...TILE_LAYERS];
const mutable = TILE_LAYERS as typeof layers;
const slowest = process.env.TILES?.split(',') ?? [];
for (const key of slowest) {
  const [z, x, y] = key.split('/').map(Number) as [number, number, number];
  const t: TileCoord = { z, x, y };
  const row: string[] = [];
  for (const l of layers) {
    mutable.splice(0, mutable.length, l);
    const s = performance.now();
    let bytes = 0;
    for (let i = 0; i < 3; i++) bytes = buildTile(data, t)?.byteLength ?? 0;
    const ms = (performance.now() - s) / 3;
    if (bytes > 0 || ms > 0.3)
      row.push(`${l.name} ${ms.toFixed(1)}ms ${Math.round(bytes / 1024)}KB`);
  }
  mutable.splice(0, mutable.length, ...layers);
  console.log(key, row.join(' | '));
}
if (flag === '--cpu') {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out!, JSON.stringify(profile));
}
source.close();
await store.close();
