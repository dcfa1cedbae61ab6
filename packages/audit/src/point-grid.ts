// A grid over points (stores) for the audit's one query, "every point in this small box" (a
// campus grown by its reach), asked once per school. Points are sorted by grid row, then by
// column (two counting sorts, O(n)); a query takes each grid row it covers, binary-searches the
// first column in range and scans along the row. No tree walk, no per-query allocation (hits go
// to a reused buffer), and no cell table: memory is a few numbers per point, whatever the
// extent — large typed arrays per audit would make V8 collect the whole heap for external
// memory pressure.
//
//   row cy ─▶ points[rowStart[cy] … rowStart[cy + 1]) sorted by column cx
//                      ├── binary search cx0 ──┤ scan while cx ≤ cx1

/** Grid cells, degrees (≈ 220 m north–south): a few rows per query. */
const CELL_DEG = 0.002;

export class PointGrid {
  /** Rows of the indexed points in grid order; their coordinates and columns in that order. */
  readonly rows: Uint32Array;
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  private readonly column: Uint32Array;
  /** Points of grid row cy: rowStart[cy] … rowStart[cy + 1]. */
  private readonly rowStart: Uint32Array;
  /** Hits of the last query: `hits[0 … count)` are rows. */
  hits = new Uint32Array(256);
  private readonly west: number;
  private readonly south: number;
  private readonly width: number;
  private readonly height: number;

  /** Index the points i with `include[i] !== 0`. */
  constructor(lng: Float64Array, lat: Float64Array, include: ArrayLike<number>) {
    let [w, s, e, n, count] = [Infinity, Infinity, -Infinity, -Infinity, 0];
    for (let i = 0; i < lng.length; i++) {
      if (include[i] === 0) continue;
      count++;
      w = Math.min(w, lng[i]!);
      e = Math.max(e, lng[i]!);
      s = Math.min(s, lat[i]!);
      n = Math.max(n, lat[i]!);
    }
    if (count === 0) [w, s, e, n] = [0, 0, 0, 0];
    this.west = w;
    this.south = s;
    this.width = Math.floor((e - w) / CELL_DEG) + 1;
    this.height = Math.floor((n - s) / CELL_DEG) + 1;
    // counting sort by column, then (stably) by row: grid order
    const byColumn = countingSort(count, this.width, (k) => this.cellX(lng[k]!), lng, include);
    const rowStart = new Uint32Array(this.height + 1);
    for (let k = 0; k < count; k++) rowStart[this.cellY(lat[byColumn[k]!]!) + 1]!++;
    for (let r = 0; r < this.height; r++) rowStart[r + 1]! += rowStart[r]!;
    const next = rowStart.slice(0, this.height);
    this.rows = new Uint32Array(count);
    this.lng = new Float64Array(count);
    this.lat = new Float64Array(count);
    this.column = new Uint32Array(count);
    for (let m = 0; m < count; m++) {
      const i = byColumn[m]!;
      const k = next[this.cellY(lat[i]!)]!++;
      this.rows[k] = i;
      this.lng[k] = lng[i]!;
      this.lat[k] = lat[i]!;
      this.column[k] = this.cellX(lng[i]!);
    }
    this.rowStart = rowStart;
  }

  private cellX(lng: number): number {
    return Math.floor((lng - this.west) / CELL_DEG);
  }

  private cellY(lat: number): number {
    return Math.floor((lat - this.south) / CELL_DEG);
  }

  /** Rows of the points inside [w, s, e, n] (edges included) into `hits`; returns how many. */
  query(w: number, s: number, e: number, n: number): number {
    const cx0 = Math.max(0, this.cellX(w));
    const cx1 = Math.min(this.width - 1, this.cellX(e));
    const cy0 = Math.max(0, this.cellY(s));
    const cy1 = Math.min(this.height - 1, this.cellY(n));
    let count = 0;
    for (let cy = cy0; cy <= cy1; cy++) {
      let lo = this.rowStart[cy]!;
      let hi = this.rowStart[cy + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.column[mid]! < cx0) lo = mid + 1;
        else hi = mid;
      }
      const end = this.rowStart[cy + 1]!;
      for (let k = lo; k < end && this.column[k]! <= cx1; k++) {
        const x = this.lng[k]!;
        const y = this.lat[k]!;
        if (x < w || x > e || y < s || y > n) continue;
        if (count === this.hits.length) {
          const grown = new Uint32Array(count * 2);
          grown.set(this.hits);
          this.hits = grown;
        }
        this.hits[count++] = this.rows[k]!;
      }
    }
    return count;
  }
}

/** Indices i (include[i] ≠ 0) stably sorted by key(i) ∈ [0, buckets). */
function countingSort(
  count: number,
  buckets: number,
  key: (i: number) => number,
  all: ArrayLike<number>,
  include: ArrayLike<number>,
): Uint32Array {
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < all.length; i++) if (include[i] !== 0) start[key(i) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const sorted = new Uint32Array(count);
  for (let i = 0; i < all.length; i++) if (include[i] !== 0) sorted[start[key(i)]!++] = i;
  return sorted;
}
