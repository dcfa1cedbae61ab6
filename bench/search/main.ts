// npm run bench:search — search at province scale (bench/data/province.duckdb: 30 000
// schools, 1 000 000 stores, 1 300 admin areas; a copy, migrated first in a child process).
// Measures, through the API's search cache: the first query (building the in-memory index
// of schools and areas), a fixed list of realistic queries (queries.ts) over several
// rounds, RSS growth, a store edit (no rebuild) and a school edit (rebuild). The baseline
// in the same run is the old whole-index approach (every record in memory) on a slice of
// the stores. Prints numbers and ratios, writes bench/results/search-<timestamp>.json.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LayerFeature } from '@atlas/model';
import { createSearchIndex } from '@atlas/search';
import { openStore, type AtlasStore } from '@atlas/store';
import { searchBuildCount, searchOf } from '../../apps/api/src/routes/search-cache.ts';
import { percentile } from '../tiles/stats.ts';
import { benchQueries, type BenchQuery } from './queries.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROVINCE_DB = join(ROOT, 'bench/data/province.duckdb');
const RESULTS_DIR = join(ROOT, 'bench/results');
/** Measured rounds over the query list, after one warm-up round. */
const ROUNDS = 5;
/** Stores in the baseline's slice: the old approach holds every record in memory. */
const BASELINE_STORES = 100_000;
const TARGETS = { firstQueryMs: 2000, p95Ms: 100, rssGrowthMb: 150 };
const MIB = 1024 * 1024;

const log = (line: string) => console.log(line);
const mb = (bytes: number) => Math.round(bytes / MIB);
const rss = () => process.memoryUsage().rss;
const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const round1 = (v: number) => Math.round(v * 10) / 10;

function summarise(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    queries: ms.length,
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    maxMs: round1(sorted[sorted.length - 1] ?? NaN),
  };
}

async function timeRounds(queries: BenchQuery[], run: (q: string) => Promise<unknown[]>) {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const hits = new Map<string, number>();
  for (const { q } of queries) hits.set(q, (await run(q)).length); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const { kind, q } of queries) {
      const t = performance.now();
      await run(q);
      const ms = performance.now() - t;
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
  }
  const kinds = Object.fromEntries([...byKind].map(([k, v]) => [k, summarise(v).p50Ms]));
  return { ...summarise(all), p50MsByKind: kinds, hits: Object.fromEntries(hits) };
}

async function readAll<L extends 'schools' | 'admin_areas' | 'stores'>(
  store: AtlasStore,
  layer: L,
  max = Infinity,
): Promise<LayerFeature<L>[]> {
  const out: LayerFeature<L>[] = [];
  for await (const batch of store.scan(layer)) {
    out.push(...batch);
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

/** The old approach: schools, areas and a slice of the stores, all in one in-memory index. */
async function baseline(store: AtlasStore, queries: BenchQuery[]) {
  const [schools, adminAreas, stores] = [
    await readAll(store, 'schools'),
    await readAll(store, 'admin_areas'),
    await readAll(store, 'stores', BASELINE_STORES),
  ];
  // The heap the index keeps (RSS in this process is blurred by what the province run freed).
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const index = createSearchIndex({ schools, stores, adminAreas });
  const buildMs = performance.now() - t;
  const heapGrowthMb = mb(process.memoryUsage().heapUsed - before);
  const timed = await timeRounds(queries, async (q) => index.search(q));
  return {
    stores: stores.length,
    records: index.size,
    buildMs: Math.round(buildMs),
    heapGrowthMb,
    ...timed,
  };
}

async function main() {
  if (!existsSync(PROVINCE_DB)) throw new Error(`${PROVINCE_DB} is missing: npm run province`);
  const loadAtStart = load();
  log(
    `load average (1, 5, 15 min) at the start: ${loadAtStart.join(', ')} on ${cpus().length} cores`,
  );
  const work = await mkdtemp(join(tmpdir(), 'atlas-bench-search-'));
  const path = join(work, 'province.duckdb');
  await copyFile(PROVINCE_DB, path); // the bench's own copy: the original is never changed
  const migration = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'migrate-copy.ts'), path],
      {
        encoding: 'utf8',
      },
    ),
  ) as { ms: number; version: number; peakRssMb: number };
  log(
    `migrated the copy to schema ${migration.version} in ${(migration.ms / 1000).toFixed(1)} s (child peak RSS ${migration.peakRssMb} MB; once per database)`,
  );

  const store = await openStore(path);
  const queries = await benchQueries(store);
  const rssOpen = rss();
  let t = performance.now();
  const search = await searchOf(store);
  const first = await search.search(queries[0]!.q);
  const firstQueryMs = Math.round(performance.now() - t);
  const rssFirst = rss();
  log(
    `first query (${JSON.stringify(queries[0]!.q)}, ${first.length} hits) ${firstQueryMs} ms, building the index of ${search.size} schools and areas; RSS ${mb(rssOpen)} → ${mb(rssFirst)} MB`,
  );
  const timed = await timeRounds(queries, (q) => searchOf(store).then((s) => s.search(q)));
  const rssAfter = rss();
  const rssGrowthMb = mb(rssAfter - rssOpen);
  log(
    `${queries.length} queries × ${ROUNDS} rounds: p50 ${timed.p50Ms} ms, p95 ${timed.p95Ms} ms, max ${timed.maxMs} ms; RSS growth ${rssGrowthMb} MB (load ${load().join(', ')})`,
  );
  log(`  p50 by kind: ${JSON.stringify(timed.p50MsByKind)}`);

  // A store edit leaves the in-memory index alone; a school edit rebuilds it.
  const builds = searchBuildCount(store);
  const shop = (await store.get('stores', 'sto-0000003'))!;
  await store.upsert('stores', [
    { ...shop, properties: { ...shop.properties, name: '基准测试新店名' } },
  ]);
  t = performance.now();
  const edited = await (await searchOf(store)).search('基准测试新店名');
  const afterStoreEditMs = Math.round(performance.now() - t);
  const rebuiltByStoreEdit = searchBuildCount(store) !== builds;
  const school = (await store.get('schools', 'sch-000001'))!;
  await store.upsert('schools', [
    { ...school, properties: { ...school.properties, name: '基准测试新校名' } },
  ]);
  t = performance.now();
  const renamed = await (await searchOf(store)).search('基准测试新校名');
  const afterSchoolEditMs = Math.round(performance.now() - t);
  log(
    `store edit: next query ${afterStoreEditMs} ms, found ${edited.length}, index rebuilt: ${rebuiltByStoreEdit}`,
  );
  log(
    `school edit: next query ${afterSchoolEditMs} ms (rebuilds the index), found ${renamed.length}`,
  );

  log(
    `baseline: the old whole-index approach on ${BASELINE_STORES.toLocaleString('en')} stores + all schools and areas …`,
  );
  const old = await baseline(store, queries);
  await store.close();
  await rm(work, { recursive: true, force: true });
  log(
    `baseline: build ${old.buildMs} ms for ${old.records} records, heap growth ${old.heapGrowthMb} MB, p50 ${old.p50Ms} ms, p95 ${old.p95Ms} ms`,
  );

  const ratios = {
    firstQueryVsBaselineBuild: round1(firstQueryMs / old.buildMs),
    p95VsBaselineP95: round1(timed.p95Ms / old.p95Ms),
    rssGrowthVsBaselineHeap: round1(rssGrowthMb / Math.max(1, old.heapGrowthMb)),
  };
  const loadAtEnd = load();
  log(
    `ratios (province, new ÷ old on a ${BASELINE_STORES / 1000}k-store slice): first query ÷ build ${ratios.firstQueryVsBaselineBuild}, p95 ${ratios.p95VsBaselineP95}, RSS growth ÷ baseline heap growth ${ratios.rssGrowthVsBaselineHeap}`,
  );
  const met = {
    firstQuery: firstQueryMs <= TARGETS.firstQueryMs,
    p95: timed.p95Ms <= TARGETS.p95Ms,
    rssGrowth: rssGrowthMb <= TARGETS.rssGrowthMb,
  };
  log(
    `targets ${JSON.stringify(TARGETS)}: ${JSON.stringify(met)}; load average at the end ${loadAtEnd.join(', ')}`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const result = {
    machine: { cores: cpus().length, loadAtStart, loadAtEnd },
    migration,
    province: {
      firstQueryMs,
      inMemoryRecords: search.size,
      rssOpenMb: mb(rssOpen),
      rssAfterFirstMb: mb(rssFirst),
      rssAfterMb: mb(rssAfter),
      rssGrowthMb,
      rounds: ROUNDS,
      ...timed,
      afterStoreEditMs,
      rebuiltByStoreEdit,
      afterSchoolEditMs,
    },
    baseline: old,
    ratios,
    targets: TARGETS,
    met,
    queries,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}`);
}

await main();
