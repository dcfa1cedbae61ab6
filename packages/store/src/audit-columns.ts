import type { DuckDBConnection } from '@duckdb/node-api';
import { entertainmentSubtype, storeCategory } from '@atlas/model';

// Stores as typed columns for the perimeter audit: only the fields it reads, straight from
// DuckDB's columns, no feature object per store. A province's million stores as features cost
// ~25 s and gigabytes of heap; the audit needs the few percent in a category some rule names,
// and of those only id, position, categories (as bits), uncertainty and entertainment subtype.
// Categories become bits and JSON fields are extracted in SQL, never parsed in JS.

export interface StoreColumnsQuery {
  /** Bit i of `categoryMask` ↔ categories[i]. */
  categories: readonly string[];
  /** Only stores holding one of these are read (default: any of `categories`). */
  holdingOneOf?: readonly string[];
  /** Subtype code i + 1 ↔ subtypes[i]; 0 for no subtype or one not listed. */
  subtypes: readonly string[];
}

export interface StoreColumnRows {
  count: number;
  ids: string[];
  /** The store point, WGS84 degrees (a point's bbox columns). */
  lng: Float64Array;
  lat: Float64Array;
  categoryMask: Uint32Array;
  /** properties.uncertaintyM, metres. */
  uncertaintyM: Float64Array;
  subtype: Uint8Array;
}

const MAX_CATEGORIES = 31;
const MAX_SUBTYPES = 255;
const KNOWN_CATEGORIES = new Set(Object.keys(storeCategory.labels));
const KNOWN_SUBTYPES = new Set(Object.keys(entertainmentSubtype.labels));
const FIRST_CAPACITY = 4_096;

/** Names go into the SQL as literals: only the model's own names are accepted. */
function literals(names: readonly string[], known: Set<string>, what: string, max: number) {
  if (names.length > max) throw new RangeError(`${what}: at most ${max} names`);
  for (const n of names)
    if (!known.has(n))
      throw new RangeError(`${what}: expected one of ${[...known].join(', ')}, got ${n}`);
  return names.map((n) => `'${n}'`);
}

function sqlOf(q: StoreColumnsQuery): string {
  const cats = literals(q.categories, KNOWN_CATEGORIES, 'categories', MAX_CATEGORIES);
  const wanted = literals(
    q.holdingOneOf ?? q.categories,
    KNOWN_CATEGORIES,
    'holdingOneOf',
    MAX_CATEGORIES,
  );
  const subs = literals(q.subtypes, KNOWN_SUBTYPES, 'subtypes', MAX_SUBTYPES);
  const mask = cats
    .map((c, i) => `(CASE WHEN list_contains(categories, ${c}) THEN ${2 ** i} ELSE 0 END)`)
    .join(' | ');
  const subtype = subs.length
    ? `COALESCE(list_position([${subs.join(', ')}], properties->>'$.entertainmentSubtype'), 0)`
    : '0';
  return `SELECT id, xmin, ymin, (${mask})::UINTEGER AS mask,
      TRY_CAST(properties->>'$.uncertaintyM' AS DOUBLE) AS uncertainty, (${subtype})::UTINYINT AS subtype
    FROM stores WHERE list_has_any(categories, [${wanted.join(', ')}]::VARCHAR[]) ORDER BY id`;
}

function grown<T extends Float64Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export async function selectStoreColumns(
  c: DuckDBConnection,
  q: StoreColumnsQuery,
): Promise<StoreColumnRows> {
  if ((q.holdingOneOf ?? q.categories).length === 0)
    return {
      count: 0,
      ids: [],
      lng: new Float64Array(0),
      lat: new Float64Array(0),
      categoryMask: new Uint32Array(0),
      uncertaintyM: new Float64Array(0),
      subtype: new Uint8Array(0),
    };
  const result = await c.stream(sqlOf(q));
  const ids: string[] = [];
  let lng = new Float64Array(FIRST_CAPACITY);
  let lat = new Float64Array(FIRST_CAPACITY);
  let categoryMask = new Uint32Array(FIRST_CAPACITY);
  let uncertaintyM = new Float64Array(FIRST_CAPACITY);
  let subtype = new Uint8Array(FIRST_CAPACITY);
  let n = 0;
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount;
    if (rows === 0) break;
    [lng, lat, uncertaintyM] = [
      grown(lng, n + rows),
      grown(lat, n + rows),
      grown(uncertaintyM, n + rows),
    ];
    [categoryMask, subtype] = [grown(categoryMask, n + rows), grown(subtype, n + rows)];
    const [vId, vLng, vLat, vMask, vU, vSub] = [0, 1, 2, 3, 4, 5].map((k) =>
      chunk.getColumnVector(k),
    );
    for (let i = 0; i < rows; i++, n++) {
      const id = vId!.getItem(i) as string;
      const u = vU!.getItem(i) as number | null;
      if (u === null || !(u >= 0))
        throw new TypeError(
          `stores row ${id}: properties.uncertaintyM must be a number ≥ 0 metres`,
        );
      ids.push(id);
      lng[n] = vLng!.getItem(i) as number;
      lat[n] = vLat!.getItem(i) as number;
      categoryMask[n] = vMask!.getItem(i) as number;
      uncertaintyM[n] = u;
      subtype[n] = vSub!.getItem(i) as number;
    }
  }
  return {
    count: n,
    ids,
    lng: lng.slice(0, n),
    lat: lat.slice(0, n),
    categoryMask: categoryMask.slice(0, n),
    uncertaintyM: uncertaintyM.slice(0, n),
    subtype: subtype.slice(0, n),
  };
}
