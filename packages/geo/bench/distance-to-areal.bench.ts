// Seeded benchmark: exact point-to-campus distances per second.
//   npx tsx packages/geo/bench/distance-to-areal.bench.ts
// Baseline measured in the same run: the same distances by walking every edge exactly.
import type { Polygon, Position } from '@atlas/model';
import {
  geodesicDestination,
  geodesicDistanceToArealM,
  geodesicDistanceToSegmentM,
} from '../src/index.ts';
import type { Degrees, Metres } from '../src/index.ts';

const SEED = 20240601;
const CAMPUSES = 500;
const POINTS_PER_CAMPUS = 20;
const VERTICES = 12;
const CAMPUS_RADIUS_M = 300;
const MAX_OFFSET_M = 5000;

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(SEED);
const dest = (p: Position, az: number, d: number) =>
  geodesicDestination(p, az as Degrees, d as Metres);
const cases: { area: Polygon; points: Position[] }[] = [];
for (let c = 0; c < CAMPUSES; c++) {
  const centre: Position = [73 + rand() * 62, 18 + rand() * 36];
  const ring = Array.from({ length: VERTICES }, (_, i) =>
    dest(centre, (i * 360) / VERTICES, CAMPUS_RADIUS_M * (0.5 + rand())),
  );
  ring.push(ring[0]!);
  const points = Array.from({ length: POINTS_PER_CAMPUS }, () =>
    dest(centre, rand() * 360, rand() * (CAMPUS_RADIUS_M * 1.5 + MAX_OFFSET_M)),
  );
  cases.push({ area: { type: 'Polygon', coordinates: [ring] }, points });
}

function time(label: string, f: (area: Polygon, p: Position) => number) {
  let sink = 0;
  const start = performance.now();
  for (const { area, points } of cases) for (const p of points) sink += f(area, p);
  const ms = performance.now() - start;
  const n = CAMPUSES * POINTS_PER_CAMPUS;
  console.log(
    `${label}: ${Math.round((n / ms) * 1000)} per second (${n} in ${ms.toFixed(0)} ms, checksum ${sink.toFixed(3)})`,
  );
}

const allEdges = (area: Polygon, p: Position) => {
  const ring = area.coordinates[0]!;
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++)
    best = Math.min(best, geodesicDistanceToSegmentM(p, ring[i]!, ring[i + 1]!).distanceM);
  return best;
};

time('warm-up', (a, p) => geodesicDistanceToArealM(p, a).distanceM);
time(
  `geodesicDistanceToArealM (${VERTICES}-vertex campus, points ≤ 5 km)`,
  (a, p) => geodesicDistanceToArealM(p, a).distanceM,
);
time('baseline: every edge walked exactly (no inside test)', allEdges);
