import Flatbush from 'flatbush';
import type { WorldBox } from './mercator.ts';
import type { TileRecord } from './records.ts';

// Select's index for shapes: the records of one tile layer in static Flatbush R-trees,
// one per zoom from which records are searched (a z6 tile never walks the thousands of
// ponds that only show from z9), plus the records written since in a small tree rebuilt
// on the next search. A replaced or removed record leaves a hole that searches skip; once
// the recent records outgrow a quarter of the whole, everything is rebuilt.
//
//   base trees ─ slots 0 … baseEnd−1, sorted by zoom, one tree per zoom present
//   recent tree ─ slots baseEnd … end   (rebuilt lazily when dirty, filtered by zoom)
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

interface ZoomTree {
  /** The records of this tree are searched from this zoom on. */
  zoom: number;
  /** Slot of tree item 0. */
  from: number;
  tree: Flatbush;
}

export class LayerIndex {
  private records: (TileRecord | null)[] = [];
  /** Per slot, the lowest zoom at which searches return it. */
  private zooms: number[] = [];
  private readonly slotById = new Map<string, number>();
  private bases: ZoomTree[] = [];
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

  /** Add a record, searched from zoom `fromZoom` on, replacing the one with the same id. */
  put(record: TileRecord, fromZoom = 0): void {
    const old = this.slotById.get(record.id);
    if (old !== undefined) this.records[old] = null;
    this.zooms.push(fromZoom);
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

  /**
   * Call visit for every live record searched at zoom z (or at every zoom when z is
   * omitted) whose box meets [minX, minY, maxX, maxY] (edges count).
   */
  search(box: WorldBox, visit: (record: TileRecord) => void, z = Infinity): void {
    if (this.recentDirty) {
      this.recent = buildTree(this.records, this.baseEnd, this.records.length);
      this.recentDirty = false;
    }
    const [minX, minY, maxX, maxY] = box;
    for (const { zoom, from, tree } of this.bases) {
      if (zoom > z) break; // sorted by zoom
      for (const i of tree.search(minX, minY, maxX, maxY)) {
        const record = this.records[from + i];
        if (record) visit(record);
      }
    }
    if (!this.recent) return;
    for (const i of this.recent.search(minX, minY, maxX, maxY)) {
      const slot = this.baseEnd + i;
      const record = this.records[slot];
      if (record && this.zooms[slot]! <= z) visit(record);
    }
  }

  private afterWrite(): void {
    if (this.loading) return;
    const recent = this.records.length - this.baseEnd;
    const limit = Math.max(RECENT_MIN_BEFORE_COMPACT, this.size * RECENT_FRACTION_BEFORE_COMPACT);
    if (recent > limit) this.compact();
    else this.recentDirty = true;
  }

  /** Drop the holes, sort by zoom and rebuild one base tree per zoom. */
  private compact(): void {
    const live: { record: TileRecord; zoom: number }[] = [];
    this.records.forEach((record, slot) => {
      if (record) live.push({ record, zoom: this.zooms[slot]! });
    });
    live.sort((a, b) => a.zoom - b.zoom);
    this.records = live.map((l) => l.record);
    this.zooms = live.map((l) => l.zoom);
    this.slotById.clear();
    this.records.forEach((r, slot) => this.slotById.set(r!.id, slot));
    this.bases = [];
    for (let from = 0; from < live.length;) {
      const zoom = this.zooms[from]!;
      let to = from;
      while (to < live.length && this.zooms[to] === zoom) to++;
      this.bases.push({ zoom, from, tree: buildTree(this.records, from, to)! });
      from = to;
    }
    this.baseEnd = live.length;
    this.recent = null;
    this.recentDirty = false;
  }
}
