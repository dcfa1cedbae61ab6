import Flatbush from 'flatbush';
import type { WorldBox } from './mercator.ts';
import type { TileRecord } from './records.ts';

// Select's index: the records of one tile layer in a static Flatbush R-tree, plus the
// records written since it was built in a second, small one rebuilt on the next search.
// A replaced or removed record leaves a hole that searches skip; once the recent records
// outgrow a quarter of the whole, everything is rebuilt into one tree.
//
//   base tree  ─ slots 0 … baseEnd−1   (built once at load, or at compaction)
//   recent tree ─ slots baseEnd … end   (rebuilt lazily when dirty)
//   records[slot] = null  ← replaced or removed

/** Recent records below this count never force a compaction. */
const RECENT_MIN_BEFORE_COMPACT = 4_096;
/** Compact when recent records exceed this fraction of live ones. */
const RECENT_FRACTION_BEFORE_COMPACT = 0.25;
/** Flatbush node size (its default): items per leaf. */
const NODE_SIZE = 16;
/** Where a hole sits in a tree: far outside the unit world square and any buffer. */
const HOLE_AT = -10;

function boxOf(record: TileRecord): WorldBox {
  return record.kind === 'point' ? [record.x, record.y, record.x, record.y] : record.box;
}

function buildTree(records: readonly (TileRecord | null)[], from: number, to: number) {
  if (to <= from) return null;
  const tree = new Flatbush(to - from, NODE_SIZE);
  for (let slot = from; slot < to; slot++) {
    const record = records[slot];
    // A hole still takes its place so that tree item i is slot from + i; an empty box
    // far outside the world is never found.
    if (record) tree.add(...boxOf(record));
    else tree.add(HOLE_AT, HOLE_AT, HOLE_AT, HOLE_AT);
  }
  tree.finish();
  return tree;
}

export class LayerIndex {
  private records: (TileRecord | null)[] = [];
  private readonly slotById = new Map<string, number>();
  private base: Flatbush | null = null;
  private baseEnd = 0;
  private recent: Flatbush | null = null;
  private recentDirty = false;
  /** While loading, puts only append; build() makes the trees once at the end. */
  private loading = false;

  get size(): number {
    return this.slotById.size;
  }

  beginLoad(): void {
    this.loading = true;
  }

  /** Finish a load: compact and build the base tree. */
  endLoad(): void {
    this.loading = false;
    this.compact();
  }

  /** Add a record, replacing the one with the same id. */
  put(record: TileRecord): void {
    const old = this.slotById.get(record.id);
    if (old !== undefined) this.records[old] = null;
    this.slotById.set(record.id, this.records.push(record) - 1);
    this.afterWrite();
  }

  /** Drop the record with this id, if any. */
  delete(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.records[slot] = null;
    this.slotById.delete(id);
    this.afterWrite();
  }

  get(id: string): TileRecord | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : this.records[slot]!;
  }

  /** Call visit for every live record whose box meets [minX, minY, maxX, maxY] (edges count). */
  search(box: WorldBox, visit: (record: TileRecord) => void): void {
    if (this.recentDirty) {
      this.recent = buildTree(this.records, this.baseEnd, this.records.length);
      this.recentDirty = false;
    }
    const [minX, minY, maxX, maxY] = box;
    for (const [tree, offset] of [
      [this.base, 0],
      [this.recent, this.baseEnd],
    ] as const) {
      if (!tree) continue;
      for (const i of tree.search(minX, minY, maxX, maxY)) {
        const record = this.records[offset + i];
        if (record) visit(record);
      }
    }
  }

  private afterWrite(): void {
    if (this.loading) return;
    const recent = this.records.length - this.baseEnd;
    const limit = Math.max(RECENT_MIN_BEFORE_COMPACT, this.size * RECENT_FRACTION_BEFORE_COMPACT);
    if (recent > limit) this.compact();
    else this.recentDirty = true;
  }

  /** Drop the holes and rebuild one base tree over every live record. */
  private compact(): void {
    const live = this.records.filter((r): r is TileRecord => r !== null);
    this.records = live;
    this.slotById.clear();
    live.forEach((r, slot) => this.slotById.set(r.id, slot));
    this.base = buildTree(live, 0, live.length);
    this.baseEnd = live.length;
    this.recent = null;
    this.recentDirty = false;
  }
}
