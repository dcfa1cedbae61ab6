import type { RoadProps } from '@atlas/model';
import type { z } from 'zod';
import { type Admin, SEAT_XY, type Village } from './admin.ts';
import { type DemoFeature, feature, makeId, provenance } from './features.ts';
import { type XY, toLngLat } from './local.ts';
import { STREET_NAMES_EW, STREET_NAMES_NS } from './names.ts';
import { add, densify, dist, dot, left, polar, scale, sub, unit } from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import { wiggle } from './wiggle.ts';

// Stage 2 — roads: a street grid in the county seat, two streets through each town centre,
// county roads from the seat to each town, township roads linking neighbouring towns, a
// road from every village to the nearest network node, footpaths into the hills and an
// expressway with one interchange. Lines meet at shared vertices, so the network connects.

type RoadClass = z.infer<typeof RoadProps>['class'];

export interface RoadLine {
  name: string;
  class: RoadClass;
  pts: XY[];
}

export interface RoadNet {
  lines: RoadLine[];
  /** Where each village's road starts (its centre, or the nearest node in the seat grid). */
  villageNodes: Map<string, XY>;
}

const GRID_STEP_M = 300;
const GRID_HALF_COLS = 4;
const GRID_HALF_ROWS = 3;
const STREET_VERTEX_STEP_M = 50;
const TOWN_MAIN_HALF_M = 600;
const TOWN_CROSS_HALF_M = 500;
const RURAL_VERTEX_STEP_M = 100;
const VILLAGE_VERTEX_STEP_M = 80;
const PATH_VERTEX_STEP_M = 50;
const EXPRESSWAY_VERTEX_STEP_M = 200;
const EXPRESSWAY_NORTH_OF_SEAT_M = 2_500;
const EXPRESSWAY_WAVE_M = 300;
const ROAD_WIGGLE = 0.12;
const VILLAGE_WIGGLE = 0.15;
const FOOTPATHS = 12;
const FOOTPATH_LENGTH_M: [number, number] = [600, 1_500];
const PROVINCIAL_TOWN = 3;
const NATIONAL_TOWN = 5;

/** Classes that are never walked (everything else is). */
export const NOT_WALKABLE = new Set<RoadClass>(['expressway']);
/** Classes a school bus may use and a new road may join. */
const DRIVABLE_JOIN = (c: RoadClass) => c !== 'expressway' && c !== 'path';

export function buildRoads(admin: Admin, rng: Rng): RoadNet {
  const lines: RoadLine[] = [...seatGrid()];
  const towns = admin.townships.slice(1);
  towns.forEach((t) => lines.push(...townStreets(t.centre, t.short)));
  towns.forEach((t, k) => lines.push(...radialRoad(t.index, t.centre, t.short, k, admin, rng)));
  towns.forEach((t, k) => {
    const next = towns[(k + 1) % towns.length]!;
    const a = crossEndToward(t.centre, next.centre);
    const b = crossEndToward(next.centre, t.centre);
    lines.push({
      name: `Y0${20 + k} ${t.short}${next.short}线`,
      class: 'township',
      pts: wiggle(a, b, rng, ROAD_WIGGLE, RURAL_VERTEX_STEP_M),
    });
  });
  lines.push(...expressway(admin.countyRing));
  const villageNodes = new Map<string, XY>();
  const byDistance = [...admin.villages].sort(
    (a, b) => dist(a.centre, a.township.centre) - dist(b.centre, b.township.centre),
  );
  for (const v of byDistance) villageNodes.set(v.code, connectVillage(v, lines, rng));
  const pathVillages = rng
    .shuffle(admin.villages.filter((v) => !v.isCommunity))
    .slice(0, FOOTPATHS);
  for (const v of pathVillages) {
    const end = add(v.centre, polar(rng.range(...FOOTPATH_LENGTH_M), rng.range(0, 2 * Math.PI)));
    lines.push({
      name: `${v.name}登山步道`,
      class: 'path',
      pts: wiggle(v.centre, end, rng, VILLAGE_WIGGLE, PATH_VERTEX_STEP_M),
    });
  }
  return { lines, villageNodes };
}

export function roadFeatures(net: RoadNet, seed: number): DemoFeature<'roads'>[] {
  const prov = provenance(seed, '道路（演示）');
  return net.lines.map((l, i) =>
    feature(
      'roads',
      makeId('rd', i + 1, 4),
      { type: 'LineString', coordinates: l.pts.map(toLngLat) },
      {
        name: l.name,
        class: l.class,
        walkable: !NOT_WALKABLE.has(l.class),
        provenance: prov,
      },
    ),
  );
}

/** Every vertex of roads a new road or bus may join. */
export function joinableNodes(lines: readonly RoadLine[]): XY[] {
  return lines.filter((l) => DRIVABLE_JOIN(l.class)).flatMap((l) => l.pts);
}

export function nearestNode(nodes: readonly XY[], p: XY): XY {
  let best = nodes[0]!;
  for (const n of nodes) if (dist(n, p) < dist(best, p)) best = n;
  return best;
}

// Integer metre offsets from the (integer) seat, so crossing streets share exact vertices.
function seatGrid(): RoadLine[] {
  const halfW = GRID_HALF_COLS * GRID_STEP_M;
  const halfH = GRID_HALF_ROWS * GRID_STEP_M;
  const cls = (k: number): RoadClass =>
    k === 0 ? 'urban_arterial' : k % 2 === 0 ? 'urban_secondary' : 'local';
  const lines: RoadLine[] = [];
  for (let i = -GRID_HALF_COLS; i <= GRID_HALF_COLS; i++) {
    const pts: XY[] = [];
    for (let y = -halfH; y <= halfH; y += STREET_VERTEX_STEP_M)
      pts.push([SEAT_XY[0] + i * GRID_STEP_M, SEAT_XY[1] + y]);
    lines.push({ name: STREET_NAMES_NS[i + GRID_HALF_COLS]!, class: cls(i), pts });
  }
  for (let j = -GRID_HALF_ROWS; j <= GRID_HALF_ROWS; j++) {
    const pts: XY[] = [];
    for (let x = -halfW; x <= halfW; x += STREET_VERTEX_STEP_M)
      pts.push([SEAT_XY[0] + x, SEAT_XY[1] + j * GRID_STEP_M]);
    lines.push({ name: STREET_NAMES_EW[j + GRID_HALF_ROWS]!, class: cls(j), pts });
  }
  return lines;
}

function gridEnds(): XY[] {
  const halfW = GRID_HALF_COLS * GRID_STEP_M;
  const halfH = GRID_HALF_ROWS * GRID_STEP_M;
  const ends: XY[] = [];
  for (let i = -GRID_HALF_COLS; i <= GRID_HALF_COLS; i++)
    for (const y of [-halfH, halfH]) ends.push([SEAT_XY[0] + i * GRID_STEP_M, SEAT_XY[1] + y]);
  for (let j = -GRID_HALF_ROWS; j <= GRID_HALF_ROWS; j++)
    for (const x of [-halfW, halfW]) ends.push([SEAT_XY[0] + x, SEAT_XY[1] + j * GRID_STEP_M]);
  return ends;
}

const towardSeat = (centre: XY) => unit(sub(SEAT_XY, centre));

function townStreets(centre: XY, short: string): RoadLine[] {
  const u = towardSeat(centre);
  const v = left(u);
  const street = (dir: XY, half: number) => {
    const pts: XY[] = [];
    for (let s = -half; s <= half; s += STREET_VERTEX_STEP_M) pts.push(add(centre, scale(dir, s)));
    return pts;
  };
  return [
    { name: `${short}大街`, class: 'urban_secondary', pts: street(u, TOWN_MAIN_HALF_M) },
    { name: `${short}横街`, class: 'local', pts: street(v, TOWN_CROSS_HALF_M) },
  ];
}

/** The end of a town's cross street that faces another town. */
function crossEndToward(centre: XY, other: XY): XY {
  const v = left(towardSeat(centre));
  const sign = dot(v, sub(other, centre)) >= 0 ? 1 : -1;
  return add(centre, scale(v, sign * TOWN_CROSS_HALF_M));
}

function radialRoad(
  index: number,
  centre: XY,
  short: string,
  k: number,
  admin: Admin,
  rng: Rng,
): RoadLine[] {
  const u = towardSeat(centre);
  const near = add(centre, scale(u, TOWN_MAIN_HALF_M));
  const far = add(centre, scale(u, -TOWN_MAIN_HALF_M));
  const toSeat = wiggle(near, nearestNode(gridEnds(), near), rng, ROAD_WIGGLE, RURAL_VERTEX_STEP_M);
  if (index === PROVINCIAL_TOWN) return [{ name: 'S259 省道', class: 'provincial', pts: toSeat }];
  if (index !== NATIONAL_TOWN)
    return [{ name: `X0${10 + k} 云${short}线`, class: 'county', pts: toSeat }];
  // The national road runs through: boundary → this town → seat → the opposite boundary.
  const out = boundaryToward(admin.countyRing, far, scale(u, -1));
  const gridExit = nearestNode(gridEnds(), add(SEAT_XY, scale(u, 10_000)));
  const opposite = boundaryToward(admin.countyRing, gridExit, u);
  return [
    { name: 'G348 国道', class: 'national', pts: toSeat },
    {
      name: 'G348 国道',
      class: 'national',
      pts: wiggle(far, out, rng, ROAD_WIGGLE, RURAL_VERTEX_STEP_M),
    },
    {
      name: 'G348 国道',
      class: 'national',
      pts: wiggle(gridExit, opposite, rng, ROAD_WIGGLE, RURAL_VERTEX_STEP_M),
    },
  ];
}

/** The county outline vertex best in direction `dir` from `from`, pulled 50 m inside. */
function boundaryToward(ring: readonly XY[], from: XY, dir: XY): XY {
  let best = ring[0]!;
  const score = (p: XY) => dot(unit(sub(p, from)), dir);
  for (const p of ring) if (score(p) > score(best)) best = p;
  return add(best, scale(unit(sub(from, best)), 50));
}

function expressway(countyRing: readonly XY[]): RoadLine[] {
  const y0 = SEAT_XY[1] + EXPRESSWAY_NORTH_OF_SEAT_M;
  const interchange: XY = [SEAT_XY[0], y0];
  const inside = (p: XY) =>
    countyRing.every((a, i) => {
      const b = countyRing[(i + 1) % countyRing.length]!;
      return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) > 0;
    });
  const at = (dx: number): XY => [SEAT_XY[0] + dx, y0 + EXPRESSWAY_WAVE_M * Math.sin(dx / 4_000)];
  const west: XY[] = [];
  for (let dx = -EXPRESSWAY_VERTEX_STEP_M; inside(at(dx)); dx -= EXPRESSWAY_VERTEX_STEP_M)
    west.unshift(at(dx));
  const east: XY[] = [];
  for (let dx = EXPRESSWAY_VERTEX_STEP_M; inside(at(dx)); dx += EXPRESSWAY_VERTEX_STEP_M)
    east.push(at(dx));
  const gridTop: XY = [SEAT_XY[0], SEAT_XY[1] + GRID_HALF_ROWS * GRID_STEP_M];
  return [
    { name: 'S88 云溪高速', class: 'expressway', pts: [...west, interchange, ...east] },
    {
      name: '云溪互通连接线',
      class: 'county',
      pts: densify([gridTop, interchange], RURAL_VERTEX_STEP_M),
    },
  ];
}

function connectVillage(v: Village, lines: RoadLine[], rng: Rng): XY {
  const nodes = joinableNodes(lines);
  const nearest = nearestNode(nodes, v.centre);
  if (v.isCommunity) return nearest; // inside a street grid or on the town centre
  lines.push({
    name: `${v.name}道`,
    class: 'village',
    pts: wiggle(v.centre, nearest, rng, VILLAGE_WIGGLE, VILLAGE_VERTEX_STEP_M),
  });
  return v.centre;
}
