import type { PointRecord } from './records.ts';
import type { TileCoord } from './tile-coord.ts';

// Aggregate: at low zooms dense points are merged into the cells of a fixed grid, each
// cell drawn as one point at the mean position of its members, carrying how many there
// are and how many fall in each group. A cell belongs to exactly one tile, so a tile's
// cells count exactly the points inside it.
//
//   tile at zoom z ┌──┬──┬──┐   CELLS_PER_TILE × CELLS_PER_TILE cells; a cell at zoom z
//                  │3 │  │1 │   is the union of 4 cells at zoom z + 1, which is how the
//                  ├──┼──┼──┤   pyramid below updates every zoom in one pass per point
//                  │  │12│  │
//                  └──┴──┴──┘

/** Grid cells along one side of a tile (4096 / 32 = 128 tile units per cell). */
export const CELLS_PER_TILE = 32;

export interface Cell {
  /** Unique within its zoom: row × cells per world side + column. */
  key: number;
  count: number;
  /** Mean position of its members, world units. */
  x: number;
  y: number;
  /** Members per group, in the layer's group order. */
  groups: number[];
}

function cellsPerSide(z: number): number {
  return 2 ** z * CELLS_PER_TILE;
}

/** Accumulates points into the cells of one zoom: [count, Σx, Σy, …groups] per key. */
class CellSums {
  readonly sums = new Map<number, number[]>();

  constructor(
    readonly z: number,
    private readonly groupCount: number,
  ) {}

  add(x: number, y: number, groups: number, sign: 1 | -1): void {
    const side = cellsPerSide(this.z);
    const cx = Math.min(side - 1, Math.floor(x * side));
    const cy = Math.min(side - 1, Math.floor(y * side));
    const key = cy * side + cx;
    let sum = this.sums.get(key);
    if (!sum) this.sums.set(key, (sum = new Array<number>(3 + this.groupCount).fill(0)));
    sum[0]! += sign;
    sum[1]! += sign * x;
    sum[2]! += sign * y;
    for (let g = 0; g < this.groupCount; g++) if (groups & (1 << g)) sum[3 + g]! += sign;
    if (sum[0] === 0) this.sums.delete(key);
  }

  cell(key: number, sum: number[]): Cell {
    const [count, sx, sy, ...groups] = sum as [number, number, number, ...number[]];
    return { key, count, x: sx / count, y: sy / count, groups };
  }

  /** The cells of one tile at this zoom, by key lookup (a tile has CELLS_PER_TILE² keys). */
  tileCells({ x, y }: TileCoord): Cell[] {
    const side = cellsPerSide(this.z);
    const out: Cell[] = [];
    if (this.sums.size === 0) return out;
    for (let row = 0; row < CELLS_PER_TILE; row++) {
      const rowKey = (y * CELLS_PER_TILE + row) * side + x * CELLS_PER_TILE;
      for (let col = 0; col < CELLS_PER_TILE; col++) {
        const sum = this.sums.get(rowKey + col);
        if (sum) out.push(this.cell(rowKey + col, sum));
      }
    }
    return out;
  }

  all(): Cell[] {
    return [...this.sums].map(([key, sum]) => this.cell(key, sum));
  }
}

/** Cells of the points given that lie in the tile (a point on an edge has one owner). */
export function aggregatePoints(
  points: readonly PointRecord[],
  tile: TileCoord,
  groupCount: number,
): Cell[] {
  const sums = new CellSums(tile.z, groupCount);
  const n = 2 ** tile.z;
  for (const p of points) {
    const owned =
      Math.min(n - 1, Math.floor(p.x * n)) === tile.x &&
      Math.min(n - 1, Math.floor(p.y * n)) === tile.y;
    if (owned) sums.add(p.x, p.y, p.groups, 1);
  }
  return sums.all();
}

/**
 * Cells of every zoom below maxZoom, kept up to date point by point, so that a low-zoom
 * tile of a million stores costs CELLS_PER_TILE² lookups instead of a million points.
 */
export class CellPyramid {
  private readonly levels: CellSums[];

  constructor(
    readonly maxZoom: number,
    groupCount: number,
  ) {
    this.levels = Array.from({ length: maxZoom }, (_, z) => new CellSums(z, groupCount));
  }

  add(p: PointRecord): void {
    for (const level of this.levels) level.add(p.x, p.y, p.groups, 1);
  }

  remove(p: PointRecord): void {
    for (const level of this.levels) level.add(p.x, p.y, p.groups, -1);
  }

  tileCells(tile: TileCoord): Cell[] {
    const level = this.levels[tile.z];
    if (!level)
      throw new RangeError(`zoom ${tile.z}: the pyramid holds zooms 0–${this.maxZoom - 1}`);
    return level.tileCells(tile);
  }
}
