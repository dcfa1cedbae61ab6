import Flatbush from 'flatbush';
import type { AuditSchool as School } from './input.ts';
import { OriginTable } from './origins.ts';
import { PointGrid } from './point-grid.ts';
import type { StoreColumns } from './store-columns.ts';

// The two spatial indexes, built once per audit:
//  - stores: a uniform grid (point-grid.ts) over the points of stores that some rule looks at —
//    every query is about one campus in size, which a grid answers without a tree walk;
//  - schools: an R-tree (flatbush) over each school's footprint (outline, gates and point).
// Queries grow the box by the reach (see bounds.ts), so the index holds raw boxes.

export interface StoreIndex {
  stores: StoreColumns;
  /** Category bits per store that some rule looks at (0: skipped; incremental sets 0 too). */
  masks: Uint32Array;
  /** The grid over stores with a mask (its hits are rows of `stores`), or null for none. */
  grid: PointGrid | null;
  /** Largest positional uncertainty among indexed stores, metres. */
  maxUncertaintyM: number;
}

export function buildStoreIndex(stores: StoreColumns, ruleCategoryMask: number): StoreIndex {
  const masks = new Uint32Array(stores.count);
  let count = 0;
  let maxUncertaintyM = 0;
  for (let i = 0; i < stores.count; i++) {
    const mask = stores.categoryMask[i]! & ruleCategoryMask;
    masks[i] = mask;
    if (mask === 0) continue;
    count++;
    maxUncertaintyM = Math.max(maxUncertaintyM, stores.uncertaintyM[i]!);
  }
  const grid = count === 0 ? null : new PointGrid(stores.lng, stores.lat, masks);
  return { stores, masks, grid, maxUncertaintyM };
}

export interface SchoolIndex {
  schools: School[];
  /** Per school: the slots it has, boxes, footprint, plane shapes and geometries. */
  origins: OriginTable;
  /** flatbush item → school position in `schools`. */
  itemToSchool: Uint32Array;
  tree: Flatbush | null;
}

export function buildSchoolIndex(input: readonly School[]): SchoolIndex {
  const schools = [...input];
  const origins = new OriginTable(schools);
  const f = origins.footprints;
  const placed: number[] = [];
  for (let i = 0; i < schools.length; i++) if (f[4 * i]! <= f[4 * i + 2]!) placed.push(i);
  const itemToSchool = Uint32Array.from(placed);
  if (placed.length === 0) return { schools, origins, itemToSchool, tree: null };
  const tree = new Flatbush(placed.length);
  for (const i of placed) tree.add(f[4 * i]!, f[4 * i + 1]!, f[4 * i + 2]!, f[4 * i + 3]!);
  tree.finish();
  return { schools, origins, itemToSchool, tree };
}

/** Schools whose footprint meets the [w, s, e, n] box. */
export function schoolsInBox(
  index: SchoolIndex,
  w: number,
  s: number,
  e: number,
  n: number,
): number[] {
  if (!index.tree) return [];
  return index.tree.search(w, s, e, n).map((item) => index.itemToSchool[item]!);
}
