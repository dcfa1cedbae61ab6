import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import type { AuditSchool as School, AuditStore as Store } from './input.ts';
import { categoryMask } from './compile.ts';
import { schoolOrigins } from './origins.ts';
import type { SchoolOrigins } from './origins.ts';

// The two spatial indexes, built once per audit:
//  - stores: a KD-tree (kdbush) over the points of stores that some rule looks at;
//  - schools: an R-tree (flatbush) over each school's footprint (outline, gates and point).
// Queries grow the box by the reach (see bounds.ts), so the index holds raw boxes.

export interface StoreIndex {
  stores: readonly Store[];
  /** Category bits per store (0 for stores no rule looks at). */
  masks: Uint16Array;
  /** kdbush item → store position in `stores`. */
  itemToStore: Uint32Array;
  tree: KDBush | null;
  /** Largest positional uncertainty among indexed stores, metres. */
  maxUncertaintyM: number;
}

export function buildStoreIndex(stores: readonly Store[], ruleCategoryMask: number): StoreIndex {
  const masks = new Uint16Array(stores.length);
  let count = 0;
  let maxUncertaintyM = 0;
  for (let i = 0; i < stores.length; i++) {
    const mask = categoryMask(stores[i]!.properties.categories) & ruleCategoryMask;
    masks[i] = mask;
    if (mask === 0) continue;
    count++;
    maxUncertaintyM = Math.max(maxUncertaintyM, stores[i]!.properties.uncertaintyM);
  }
  const itemToStore = new Uint32Array(count);
  if (count === 0) return { stores, masks, itemToStore, tree: null, maxUncertaintyM };
  const tree = new KDBush(count);
  for (let i = 0; i < stores.length; i++) {
    if (masks[i] === 0) continue;
    const [lng, lat] = stores[i]!.geometry.coordinates;
    itemToStore[tree.add(lng, lat)] = i;
  }
  tree.finish();
  return { stores, masks, itemToStore, tree, maxUncertaintyM };
}

export interface SchoolIndex {
  schools: School[];
  origins: SchoolOrigins[];
  /** flatbush item → school position in `schools`. */
  itemToSchool: Uint32Array;
  tree: Flatbush | null;
}

export function buildSchoolIndex(schools: readonly School[]): SchoolIndex {
  const origins = schools.map(schoolOrigins);
  const placed = origins.flatMap((o, i) => (o.footprint[0]! <= o.footprint[2]! ? [i] : []));
  const itemToSchool = Uint32Array.from(placed);
  if (placed.length === 0) return { schools: [...schools], origins, itemToSchool, tree: null };
  const tree = new Flatbush(placed.length);
  for (const i of placed) {
    const f = origins[i]!.footprint;
    tree.add(f[0]!, f[1]!, f[2]!, f[3]!);
  }
  tree.finish();
  return { schools: [...schools], origins, itemToSchool, tree };
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
