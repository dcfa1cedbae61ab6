import type { TileCoord } from './tile-coord.ts';

// Aggregate: at low zooms dense points are merged into the cells of a fixed grid, each
// cell drawn as one point at the mean position of its members, carrying how many there
// are and how many fall in each group. A cell belongs to exactly one tile, so a tile's
// cells count exactly the points inside it.
//
//   tile at zoom z ┌──┬──┬──┐   CELLS_PER_TILE × CELLS_PER_TILE cells; every zoom below
//                  │3 │  │1 │   the layer's detail zoom keeps its cells' sums up to date
//                  ├──┼──┼──┤   point by point, so a low-zoom tile of a million stores
//                  │  │12│  │   costs CELLS_PER_TILE² lookups instead of a million points
//                  └──┴──┴──┘
//
// A point in two groups counts in both group counts, and once in `count`; `other` counts
// the points in no group (kept only for layers with groups).

/**
 * Grid cells along one side of a tile (4096 / 16 = 256 tile units per cell: 32–64 CSS px
 * on a 512-px tile, as wide as the largest store bubble). 32 cells made a province town a
 * carpet of overlapping bubbles, ~1,000 per tile, whose every vertex a software-WebGL
 * browser redrew each frame while panning (bench:pan).
 */
export const CELLS_PER_TILE = 16;
/** Sums per cell before the group counts: count, Σx, Σy, members in no group. */
const HEAD = 4;
const OTHER = 3;
const INITIAL_CELLS = 64;

export interface Cell {
  /** Unique within its zoom: row × cells per world side + column. */
  key: number;
  count: number;
  /** Mean position of its members, world units. */
  x: number;
  y: number;
  /** Members per group, in the layer's group order. */
  groups: number[];
  /** Members in no group. */
  other: number;
}

function cellsPerSide(z: number): number {
  return 2 ** z * CELLS_PER_TILE;
}

/**
 * The sums of one zoom's cells: slot by cell key (for writes), the slots of each tile
 * (for reads: one lookup per tile, not one per cell), and [count, Σx, Σy, …groups] per
 * slot. A slot, once made, stays with its cell (zeroed when emptied).
 */
class CellLevel {
  private readonly slots = new Map<number, number>();
  private readonly byTile = new Map<number, number[]>();
  private keys: Float64Array;
  private sums: Float64Array;
  private used = 0;
  private readonly side: number;
  private readonly stride: number;

  constructor(
    readonly z: number,
    private readonly groupCount: number,
  ) {
    this.side = cellsPerSide(z);
    this.stride = HEAD + groupCount;
    this.sums = new Float64Array(INITIAL_CELLS * this.stride);
    this.keys = new Float64Array(INITIAL_CELLS);
  }

  add(x: number, y: number, groups: number, sign: 1 | -1): void {
    const side = this.side;
    const cx = Math.min(side - 1, Math.floor(x * side));
    const cy = Math.min(side - 1, Math.floor(y * side));
    const key = cy * side + cx;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      if (sign < 0) throw new Error(`cell ${key} at zoom ${this.z}: removing from an empty cell`);
      slot = this.grow();
      this.slots.set(key, slot);
      this.keys[slot] = key;
      const tile = Math.floor(cy / CELLS_PER_TILE) * 2 ** this.z + Math.floor(cx / CELLS_PER_TILE);
      const list = this.byTile.get(tile);
      if (list) list.push(slot);
      else this.byTile.set(tile, [slot]);
    }
    const s = this.sums;
    const at = slot * this.stride;
    s[at] = s[at]! + sign;
    s[at + 1] = s[at + 1]! + sign * x;
    s[at + 2] = s[at + 2]! + sign * y;
    if (groups === 0) s[at + OTHER] = s[at + OTHER]! + sign;
    for (let g = 0; g < this.groupCount; g++) {
      if (groups & (1 << g)) s[at + HEAD + g] = s[at + HEAD + g]! + sign;
    }
    // An emptied cell keeps its slot (zeroed) for whatever lands there next.
    if (s[at] === 0) s.fill(0, at, at + this.stride);
  }

  private grow(): number {
    if ((this.used + 1) * this.stride > this.sums.length) {
      const next = new Float64Array(this.sums.length * 2);
      next.set(this.sums);
      this.sums = next;
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    return this.used++;
  }

  /** Visit the non-empty cells of one tile at this zoom. */
  forTile({ x, y }: TileCoord, visit: (cell: Cell) => void): void {
    const slots = this.byTile.get(y * 2 ** this.z + x);
    if (!slots) return;
    const s = this.sums;
    const cell: Cell = {
      key: 0,
      count: 0,
      x: 0,
      y: 0,
      groups: new Array(this.groupCount),
      other: 0,
    };
    for (const slot of slots) {
      const at = slot * this.stride;
      const count = s[at]!;
      if (count === 0) continue;
      cell.key = this.keys[slot]!;
      cell.count = count;
      cell.x = s[at + 1]! / count;
      cell.y = s[at + 2]! / count;
      cell.other = s[at + OTHER]!;
      for (let g = 0; g < this.groupCount; g++) cell.groups[g] = s[at + HEAD + g]!;
      visit(cell);
    }
  }
}

/**
 * Cells of every zoom below maxZoom for one layer, kept up to date point by point. A
 * point may stop counting below maxZoom (a pond drawn as a polygon from zoom 8 counts
 * in cells up to zoom 7 only): add it with its own `belowZoom`.
 */
export class CellPyramid {
  private readonly levels: CellLevel[];

  constructor(
    readonly maxZoom: number,
    readonly groupCount: number,
  ) {
    this.levels = Array.from({ length: maxZoom }, (_, z) => new CellLevel(z, groupCount));
  }

  /** Count a point in the cells of zooms fromZoom … belowZoom − 1. */
  add(x: number, y: number, groups: number, fromZoom = 0, belowZoom = this.maxZoom): void {
    this.change(x, y, groups, fromZoom, belowZoom, 1);
  }

  /** Undo add() with the same arguments. */
  remove(x: number, y: number, groups: number, fromZoom = 0, belowZoom = this.maxZoom): void {
    this.change(x, y, groups, fromZoom, belowZoom, -1);
  }

  private change(x: number, y: number, g: number, from: number, below: number, sign: 1 | -1) {
    const end = Math.min(below, this.maxZoom);
    for (let z = Math.max(0, from); z < end; z++) this.levels[z]!.add(x, y, g, sign);
  }

  /** Visit the cells of one tile (the Cell object is reused between calls). */
  forTile(tile: TileCoord, visit: (cell: Cell) => void): void {
    const level = this.levels[tile.z];
    if (!level)
      throw new RangeError(`zoom ${tile.z}: the pyramid holds zooms 0–${this.maxZoom - 1}`);
    level.forTile(tile, visit);
  }

  /** The cells of one tile, as fresh objects (tests). */
  tileCells(tile: TileCoord): Cell[] {
    const out: Cell[] = [];
    this.forTile(tile, (c) => out.push({ ...c, groups: [...c.groups] }));
    return out;
  }
}
