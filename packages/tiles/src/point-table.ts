import Flatbush from 'flatbush';
import type { WorldBox } from './mercator.ts';
import { CodedColumn, DistinctColumn, type PointColumn } from './point-columns.ts';
import type { PointRecord, Props } from './records.ts';
import { zOrder } from './z-order.ts';

// The points of one tile layer as columns (a million stores are a few typed arrays and
// string columns, not a million objects), selected through a static Flatbush built once
// over the loaded rows plus a small one over the rows written since, rebuilt on the next
// search. A replaced or removed row leaves a hole that searches skip; once the recent
// rows outgrow a quarter of the whole, everything is compacted into one tree.
//
//   slot:     0 … baseEnd−1 (base tree)   baseEnd … size−1 (recent tree)
//   columns:  x y fid minZoom groups id  field₀ field₁ …    id[slot] = null ← a hole
//
// Fields every point has its own value of (id) are kept as encoded bytes, the others
// (name among them) as codes into an interned dictionary (point-columns.ts).

/** Recent rows below this count never force a compaction. */
const RECENT_MIN_BEFORE_COMPACT = 4_096;
/** Compact when recent rows exceed this fraction of live ones. */
const RECENT_FRACTION_BEFORE_COMPACT = 0.25;
const NODE_SIZE = 16;
const INITIAL_CAPACITY = 1_024;

function grown<T extends Float64Array | Uint8Array>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a.length > capacity ? a.subarray(0, capacity) : a);
  return next;
}

function gathered<T extends Float64Array | Uint8Array>(
  a: T,
  rows: Uint32Array,
  capacity: number,
): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  for (let i = 0; i < rows.length; i++) next[i] = a[rows[i]!]!;
  return next;
}

export class PointTable {
  x = new Float64Array(INITIAL_CAPACITY);
  y = new Float64Array(INITIAL_CAPACITY);
  fid = new Float64Array(INITIAL_CAPACITY);
  minZoom = new Uint8Array(INITIAL_CAPACITY);
  groups = new Uint8Array(INITIAL_CAPACITY);
  /** The atlas id per slot; null for a hole. */
  ids: (string | null)[] = [];
  /** One column per field: distinct fields as encoded bytes, the others as codes. */
  readonly columns: PointColumn[];
  private end = 0;
  private readonly slotById = new Map<string, number>();
  private base: Flatbush | null = null;
  private baseEnd = 0;
  private recent: Flatbush | null = null;
  private recentDirty = false;
  private loading = false;

  constructor(
    readonly fields: readonly string[],
    /** Fields written as bytes encoded once, never de-duplicated (id). */
    distinctFields: readonly string[] = [],
  ) {
    this.columns = fields.map((f) =>
      distinctFields.includes(f)
        ? new DistinctColumn(INITIAL_CAPACITY)
        : new CodedColumn(INITIAL_CAPACITY),
    );
  }

  get size(): number {
    return this.slotById.size;
  }

  beginLoad(): void {
    this.loading = true;
  }

  endLoad(): void {
    this.loading = false;
    this.compact();
  }

  /** Add a point, replacing the one with the same id. */
  put(r: PointRecord): void {
    const old = this.slotById.get(r.id);
    if (old !== undefined) this.ids[old] = null;
    if (this.end === this.x.length) this.grow(this.end * 2);
    const slot = this.end++;
    this.x[slot] = r.x;
    this.y[slot] = r.y;
    this.fid[slot] = r.fid;
    this.minZoom[slot] = r.minZoom;
    this.groups[slot] = r.groups;
    this.ids[slot] = r.id;
    for (let f = 0; f < this.fields.length; f++)
      this.columns[f]!.set(slot, r.props[this.fields[f]!]);
    this.slotById.set(r.id, slot);
    this.afterWrite();
  }

  /** Drop the point with this id, if any; returns what it was. */
  delete(id: string): PointRecord | null {
    const slot = this.slotById.get(id);
    if (slot === undefined) return null;
    const old = this.record(slot);
    this.ids[slot] = null;
    this.slotById.delete(id);
    this.afterWrite();
    return old;
  }

  get(id: string): PointRecord | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : this.record(slot);
  }

  /** The properties of a slot, as an object. */
  props(slot: number): Props {
    const out: Props = {};
    this.fields.forEach((f, i) => {
      const v = this.columns[i]!.get(slot);
      if (v !== undefined) out[f] = v;
    });
    return out;
  }

  /** Call visit(slot) for every live point within [minX, minY, maxX, maxY] (edges count). */
  search(box: WorldBox, visit: (slot: number) => void): void {
    if (this.recentDirty) {
      this.recent = this.buildTree(this.baseEnd, this.end);
      this.recentDirty = false;
    }
    const [minX, minY, maxX, maxY] = box;
    if (this.base) {
      for (const slot of this.base.search(minX, minY, maxX, maxY)) {
        if (this.ids[slot] !== null) visit(slot);
      }
    }
    if (this.recent) {
      for (const i of this.recent.search(minX, minY, maxX, maxY)) {
        const slot = this.baseEnd + i;
        if (this.ids[slot] !== null) visit(slot);
      }
    }
  }

  private record(slot: number): PointRecord {
    return {
      kind: 'point',
      id: this.ids[slot]!,
      fid: this.fid[slot]!,
      minZoom: this.minZoom[slot]!,
      props: this.props(slot),
      x: this.x[slot]!,
      y: this.y[slot]!,
      groups: this.groups[slot]!,
    };
  }

  private grow(capacity: number): void {
    this.x = grown(this.x, capacity);
    this.y = grown(this.y, capacity);
    this.fid = grown(this.fid, capacity);
    this.minZoom = grown(this.minZoom, capacity);
    this.groups = grown(this.groups, capacity);
    for (const column of this.columns) column.grow(capacity);
  }

  private buildTree(from: number, to: number): Flatbush | null {
    if (to <= from) return null;
    const tree = new Flatbush(to - from, NODE_SIZE);
    for (let slot = from; slot < to; slot++) {
      // A hole keeps its place (tree item i is slot from + i); searches skip it.
      tree.add(this.x[slot]!, this.y[slot]!, this.x[slot]!, this.y[slot]!);
    }
    tree.finish();
    return tree;
  }

  private afterWrite(): void {
    if (this.loading) return;
    const recent = this.end - this.baseEnd;
    const limit = Math.max(RECENT_MIN_BEFORE_COMPACT, this.size * RECENT_FRACTION_BEFORE_COMPACT);
    if (recent > limit) this.compact();
    else this.recentDirty = true;
  }

  /**
   * Drop the holes, put the rows in Z-order (z-order.ts: a tile's points then lie together
   * in memory), size the columns exactly and rebuild one base tree.
   */
  private compact(): void {
    const live = new Uint32Array(this.slotById.size);
    let n = 0;
    for (let slot = 0; slot < this.end; slot++) if (this.ids[slot] != null) live[n++] = slot;
    const rows = zOrder(live.subarray(0, n), this.x, this.y);
    const capacity = Math.max(INITIAL_CAPACITY, n);
    this.x = gathered(this.x, rows, capacity);
    this.y = gathered(this.y, rows, capacity);
    this.fid = gathered(this.fid, rows, capacity);
    this.minZoom = gathered(this.minZoom, rows, capacity);
    this.groups = gathered(this.groups, rows, capacity);
    for (const column of this.columns) column.gather(rows, capacity);
    const ids = Array.from(rows, (row) => this.ids[row]!);
    this.ids = ids;
    ids.forEach((id, slot) => this.slotById.set(id, slot));
    this.end = n;
    this.base = this.buildTree(0, n);
    this.baseEnd = n;
    this.recent = null;
    this.recentDirty = false;
  }
}
