import { type Admin, SEAT_XY, villageAt } from './admin.ts';
import { type DemoFeature, makeId } from './features.ts';
import { type XY, toLngLat } from './local.ts';
import { add, dist, distToRing, pointInRing, polar } from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import { SegmentIndex } from './segment-index.ts';
import { waterFeature } from './water-props.ts';
import { wiggle } from './wiggle.ts';

// Stage 3 — rivers: the main river 清溪河 crosses the county from north-west to south-east,
// passing south of the seat's street grid; four tributaries run down from the hills and end
// on a vertex of the main river. The main river is cut into reaches of about 2.5 km, each
// a feature in the care of the village around its middle.

const RIVER_VERTEX_STEP_M = 100;
const MAIN_WIGGLE = 0.06;
const TRIBUTARY_WIGGLE = 0.12;
const MAIN_IN_ANGLE_RAD = (150 * Math.PI) / 180;
const MAIN_OUT_ANGLE_RAD = (-35 * Math.PI) / 180;
/** The river passes this far south of the seat (the street grid reaches 900 m south). */
const SOUTH_OF_SEAT_M = 2_000;
const GRID_CLEARANCE_BOX_M: XY = [1_400, 1_100];
const REACH_VERTICES = 25;
const TRIBUTARY_NAMES = ['白河', '龙潭河', '金竹溪', '马坪河'];
const TRIBUTARY_SOURCE_RADIUS_M: [number, number] = [9_000, 12_000];
const SOURCE_MIN_FROM_BORDER_M = 500;
const MAIN_END_SKIP_VERTICES = 10;
const TRIES = 200;

export interface Rivers {
  main: XY[];
  tributaries: XY[][];
  index: SegmentIndex;
  features: DemoFeature<'water'>[];
}

export function buildRivers(admin: Admin, rng: Rng, seed: number): Rivers {
  const main = mainRiver(admin, rng);
  const tributaries = TRIBUTARY_NAMES.map((_, k) => tributary(admin, main, rng, k));
  const index = new SegmentIndex();
  [main, ...tributaries].forEach((l) => index.addLine(l));
  const features: DemoFeature<'water'>[] = [];
  const add = (pts: XY[], name: string) => {
    const village = villageAt(admin.villages, pts[Math.floor(pts.length / 2)]!);
    if (!village) throw new Error(`buildRivers: ${name} lies outside the county`);
    const label = `${name}（${village.name}）`;
    features.push(
      waterFeature(
        makeId('wat', features.length + 1, 3),
        { type: 'LineString', coordinates: pts.map(toLngLat) },
        label,
        'river',
        village,
        rng,
        seed,
      ),
    );
  };
  let reach = 0;
  for (let i = 0; i < main.length - 1; i += REACH_VERTICES - 1)
    add(main.slice(i, i + REACH_VERTICES), `清溪河第${++reach}段`);
  tributaries.forEach((t, k) => add(t, TRIBUTARY_NAMES[k]!));
  return { main, tributaries, index, features };
}

function mainRiver(admin: Admin, rng: Rng): XY[] {
  const a = boundaryAt(admin.countyRing, MAIN_IN_ANGLE_RAD);
  const b = boundaryAt(admin.countyRing, MAIN_OUT_ANGLE_RAD);
  const via: XY = [SEAT_XY[0], SEAT_XY[1] - SOUTH_OF_SEAT_M];
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const line = [
      ...wiggle(a, via, rng, MAIN_WIGGLE, RIVER_VERTEX_STEP_M),
      ...wiggle(via, b, rng, MAIN_WIGGLE, RIVER_VERTEX_STEP_M).slice(1),
    ];
    const clearOfGrid = line.every(
      (p) =>
        Math.abs(p[0] - SEAT_XY[0]) > GRID_CLEARANCE_BOX_M[0] ||
        Math.abs(p[1] - SEAT_XY[1]) > GRID_CLEARANCE_BOX_M[1],
    );
    if (clearOfGrid && line.every((p) => pointInRing(p, admin.countyRing))) return line;
  }
  throw new Error('mainRiver: no course found clear of the seat grid');
}

function tributary(admin: Admin, main: XY[], rng: Rng, k: number): XY[] {
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const angle = ((2 * Math.PI) / TRIBUTARY_NAMES.length) * k + rng.range(0.3, 1.2);
    const source = polar(rng.range(...TRIBUTARY_SOURCE_RADIUS_M), angle);
    if (
      !pointInRing(source, admin.countyRing) ||
      distToRing(source, admin.countyRing) < SOURCE_MIN_FROM_BORDER_M
    )
      continue;
    const candidates = main.slice(MAIN_END_SKIP_VERTICES, -MAIN_END_SKIP_VERTICES);
    let mouth = candidates[0]!;
    for (const p of candidates) if (dist(p, source) < dist(mouth, source)) mouth = p;
    const line = wiggle(source, mouth, rng, TRIBUTARY_WIGGLE, RIVER_VERTEX_STEP_M);
    if (line.every((p) => pointInRing(p, admin.countyRing))) return line;
  }
  throw new Error(`tributary: no course found for ${TRIBUTARY_NAMES[k]}`);
}

/** A point 100 m inside the county outline in the given direction from the centre. */
function boundaryAt(ring: readonly XY[], angleRad: number): XY {
  for (let r = 20_000; r > 0; r -= 100) {
    const p = polar(r, angleRad);
    if (pointInRing(p, ring)) return add(p, polar(-100, angleRad));
  }
  throw new Error('boundaryAt: the county outline does not surround the centre');
}
