import type { Position } from '@atlas/model';
import { PROVINCE_BBOX, roundDeg } from './extent.ts';
import { feature, type ProvinceFeature } from './feature.ts';
import { placeName } from './names.ts';
import { forkRng } from '../lib/rng.ts';

// Admin areas as a jittered grid that tiles the province exactly:
//
//   +----+----+----+----+      40 × 30 township cells (quads of jittered grid nodes);
//   |    |    |    |    |      a county is a block of 4 × 3 cells, so 10 × 10 = 100
//   +----+----+----+----+      counties, and its outline runs through the same nodes as
//   |    |    |    |    |      its townships' (nesting is exact). Outer nodes stay on the
//   +----+----+----+----+      province edge; inner ones move up to a fifth of a cell.
//
// adminCodeAt() finds the township holding a point and adds a 3-digit village number
// (there are no village polygons), giving the 12-digit 统计用区划代码 of schools and stores.

const COLS = 40;
const ROWS = 30;
const CELLS_PER_COUNTY_X = 4;
const CELLS_PER_COUNTY_Y = 3;
const NODE_JITTER_CELLS = 0.2;
/** Villages per township side, numbered 001…016 by position inside the cell. */
const VILLAGES_PER_SIDE = 4;
const PROVINCE_CODE = '42';

const [W, S, E, N] = PROVINCE_BBOX;
const CELL_LNG = (E - W) / COLS;
const CELL_LAT = (N - S) / ROWS;

export interface AdminGrid {
  /** nodes[j][i]: grid node at column i, row j. */
  nodes: Position[][];
}

export function makeAdminGrid(seed: number): AdminGrid {
  const rng = forkRng(seed, 'admin-grid');
  const nodes: Position[][] = [];
  for (let j = 0; j <= ROWS; j++) {
    const row: Position[] = [];
    for (let i = 0; i <= COLS; i++) {
      const inner = i > 0 && i < COLS && j > 0 && j < ROWS;
      const jx = inner ? rng.range(-NODE_JITTER_CELLS, NODE_JITTER_CELLS) : 0;
      const jy = inner ? rng.range(-NODE_JITTER_CELLS, NODE_JITTER_CELLS) : 0;
      row.push([roundDeg(W + (i + jx) * CELL_LNG), roundDeg(S + (j + jy) * CELL_LAT)]);
    }
    nodes.push(row);
  }
  return { nodes };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function countyCode(i: number, j: number): string {
  const prefecture = Math.floor(j / CELLS_PER_COUNTY_Y) + 1;
  const county = Math.floor(i / CELLS_PER_COUNTY_X) + 1;
  return `${PROVINCE_CODE}${pad(prefecture, 2)}${pad(county, 2)}`;
}

function townshipCode(i: number, j: number): string {
  const local = (j % CELLS_PER_COUNTY_Y) * CELLS_PER_COUNTY_X + (i % CELLS_PER_COUNTY_X) + 1;
  return `${countyCode(i, j)}${pad(local, 3)}`;
}

function node(grid: AdminGrid, i: number, j: number): Position {
  return grid.nodes[j]![i]!;
}

/** Counter-clockwise ring through the nodes on the edge of cells [i0,i1) × [j0,j1). */
function blockRing(grid: AdminGrid, i0: number, j0: number, i1: number, j1: number) {
  const ring: Position[] = [];
  for (let i = i0; i < i1; i++) ring.push(node(grid, i, j0));
  for (let j = j0; j < j1; j++) ring.push(node(grid, i1, j));
  for (let i = i1; i > i0; i--) ring.push(node(grid, i, j1));
  for (let j = j1; j > j0; j--) ring.push(node(grid, i0, j));
  const first = ring[0]!;
  ring.push([first[0], first[1]]);
  return ring;
}

export function* adminAreas(
  seed: number,
  grid: AdminGrid,
): Iterable<ProvinceFeature<'admin_areas'>> {
  const rng = forkRng(seed, 'admin-names');
  for (let j = 0; j < ROWS; j += CELLS_PER_COUNTY_Y) {
    for (let i = 0; i < COLS; i += CELLS_PER_COUNTY_X) {
      const code = countyCode(i, j);
      const ring = blockRing(grid, i, j, i + CELLS_PER_COUNTY_X, j + CELLS_PER_COUNTY_Y);
      yield feature(
        'admin_areas',
        `adm-${code}`,
        { type: 'Polygon', coordinates: [ring] },
        {
          code,
          name: placeName(rng, '县'),
          level: 'county',
          parentCode: null,
        },
      );
    }
  }
  for (let j = 0; j < ROWS; j++) {
    for (let i = 0; i < COLS; i++) {
      const code = townshipCode(i, j);
      const ring = blockRing(grid, i, j, i + 1, j + 1);
      yield feature(
        'admin_areas',
        `adm-${code}`,
        { type: 'Polygon', coordinates: [ring] },
        {
          code,
          name: placeName(rng, '镇'),
          level: 'township',
          parentCode: countyCode(i, j),
        },
      );
    }
  }
}

/** Crossing-number test against the quad of cell (i, j). */
function inCell(grid: AdminGrid, i: number, j: number, p: Position): boolean {
  const quad = [
    node(grid, i, j),
    node(grid, i + 1, j),
    node(grid, i + 1, j + 1),
    node(grid, i, j + 1),
  ];
  let inside = false;
  for (let k = 0, m = quad.length - 1; k < quad.length; m = k++) {
    const [xk, yk] = quad[k]!;
    const [xm, ym] = quad[m]!;
    if (yk > p[1] !== ym > p[1] && p[0] < ((xm - xk) * (p[1] - yk)) / (ym - yk) + xk) {
      inside = !inside;
    }
  }
  return inside;
}

const clampIndex = (v: number, max: number) => Math.min(max - 1, Math.max(0, v));

/** The 12-digit village code of the township cell holding p (its neighbours are tried). */
export function adminCodeAt(grid: AdminGrid, p: Position): string {
  const fx = (p[0] - W) / CELL_LNG;
  const fy = (p[1] - S) / CELL_LAT;
  const gi = clampIndex(Math.floor(fx), COLS);
  const gj = clampIndex(Math.floor(fy), ROWS);
  let ci = gi;
  let cj = gj;
  search: for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const i = gi + di;
      const j = gj + dj;
      if (i < 0 || j < 0 || i >= COLS || j >= ROWS || !inCell(grid, i, j, p)) continue;
      [ci, cj] = [i, j];
      break search;
    }
  }
  const vx = clampIndex(Math.floor((fx - ci) * VILLAGES_PER_SIDE), VILLAGES_PER_SIDE);
  const vy = clampIndex(Math.floor((fy - cj) * VILLAGES_PER_SIDE), VILLAGES_PER_SIDE);
  return `${townshipCode(ci, cj)}${pad(vy * VILLAGES_PER_SIDE + vx + 1, 3)}`;
}

export const ADMIN_AREA_COUNT =
  COLS * ROWS + (COLS / CELLS_PER_COUNTY_X) * (ROWS / CELLS_PER_COUNTY_Y);
