import { entertainmentSubtype, storeCategory } from '@atlas/model';
import type { StoreCategory } from '@atlas/model';
import type { AuditStore } from './input.ts';

// Stores as columns: what the store audit reads, one typed array per field and no object per
// store. A province holds a million stores; as objects they cost gigabytes of heap and most of
// the audit's time in garbage collection. Loaded straight from DuckDB (runs/load-columns.ts) or
// converted from features (storeColumnsOf).

/** Bit i of a category mask ↔ STORE_CATEGORIES[i] (the model's order). */
export const STORE_CATEGORIES = Object.keys(storeCategory.labels) as StoreCategory[];
/** Subtype code i + 1 ↔ ENTERTAINMENT_SUBTYPES[i]; code 0 is "none". */
export const ENTERTAINMENT_SUBTYPES = Object.keys(entertainmentSubtype.labels) as NonNullable<
  AuditStore['properties']['entertainmentSubtype']
>[];

export interface StoreColumns {
  /** Row count; every array below has this length. */
  count: number;
  ids: readonly string[];
  /** WGS84 degrees. */
  lng: Float64Array;
  lat: Float64Array;
  /** Category bits (STORE_CATEGORIES order). */
  categoryMask: Uint32Array;
  /** Positional uncertainty, metres. */
  uncertaintyM: Float64Array;
  /** Entertainment subtype code: 0 none, i + 1 for ENTERTAINMENT_SUBTYPES[i]. */
  subtype: Uint8Array;
}

const CATEGORY_BITS = new Map(STORE_CATEGORIES.map((c, i) => [c, 2 ** i]));
const SUBTYPE_CODES = new Map<string, number>(ENTERTAINMENT_SUBTYPES.map((s, i) => [s, i + 1]));

/** The category bits of a list of categories (unknown names give no bit). */
export function categoryMask(categories: readonly string[]): number {
  let mask = 0;
  for (const c of categories) mask |= CATEGORY_BITS.get(c as StoreCategory) ?? 0;
  return mask;
}

export function categoryBit(category: StoreCategory): number {
  const bit = CATEGORY_BITS.get(category);
  if (bit === undefined) throw new RangeError(`unknown store category ${JSON.stringify(category)}`);
  return bit;
}

/** The subtype bit a store's code selects in a rule's subtype mask (0 for code 0). */
export function subtypeBitOf(code: number): number {
  return code === 0 ? 0 : 2 ** (code - 1);
}

/** Bits of the subtypes listed (ENTERTAINMENT_SUBTYPES order). */
export function subtypeMask(subtypes: readonly string[]): number {
  let mask = 0;
  for (const s of subtypes) mask |= subtypeBitOf(SUBTYPE_CODES.get(s) ?? 0);
  return mask;
}

export function isStoreColumns(x: unknown): x is StoreColumns {
  return typeof x === 'object' && x !== null && 'categoryMask' in x && 'count' in x;
}

/** Columns of in-memory store features (tests, the API's small inputs, incremental changes). */
export function storeColumnsOf(stores: readonly AuditStore[]): StoreColumns {
  const count = stores.length;
  const cols: StoreColumns = {
    count,
    ids: stores.map((s) => s.id),
    lng: new Float64Array(count),
    lat: new Float64Array(count),
    categoryMask: new Uint32Array(count),
    uncertaintyM: new Float64Array(count),
    subtype: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const { geometry, properties: p } = stores[i]!;
    cols.lng[i] = geometry.coordinates[0];
    cols.lat[i] = geometry.coordinates[1];
    cols.categoryMask[i] = categoryMask(p.categories);
    cols.uncertaintyM[i] = p.uncertaintyM;
    cols.subtype[i] = p.entertainmentSubtype ? (SUBTYPE_CODES.get(p.entertainmentSubtype) ?? 0) : 0;
  }
  return cols;
}
