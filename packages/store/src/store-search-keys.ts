import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { LayerName } from '@atlas/model';

// The store_search table: each store's name and address, raw and folded for comparing,
// with its admin code and position — what a search needs of a store, in narrow columns
// so that one query scans a million stores without reading their JSON properties.
// Every write to the stores table refreshes the rows of the ids it touched
// (refreshStoreSearch), inside the same transaction.
//
// The folding is the search package's normalize() written in SQL: full-width letters and
// digits to ASCII (NFKC's main effect on Chinese text), lower case, and no whitespace,
// separators, punctuation or symbols. Unlike NFKC it leaves other compatibility forms
// (①, ㎡, Kangxi radicals) as they are. Migration 5 fills the table with this expression:
// changing it needs a new migration that refills the table.

export const STORE_SEARCH_TABLE = 'store_search';

/** Full-width ASCII (U+FF01…U+FF5E) lies this far above ASCII (U+0021…U+007E). */
const FULL_WIDTH_OFFSET = 0xfee0;
/** ASCII letters and digits: their full-width forms are folded; the rest is punctuation. */
const FOLDED_RANGES: readonly [string, string][] = [
  ['0', '9'],
  ['A', 'Z'],
  ['a', 'z'],
];

function foldedPairs(): { from: string; to: string } {
  let [from, to] = ['\u3000', ' ']; // ideographic space
  for (const [first, last] of FOLDED_RANGES) {
    for (let cp = first.codePointAt(0)!; cp <= last.codePointAt(0)!; cp++) {
      from += String.fromCodePoint(cp + FULL_WIDTH_OFFSET);
      to += String.fromCodePoint(cp);
    }
  }
  return { from, to };
}

const { from: FOLD_FROM, to: FOLD_TO } = foldedPairs();
/** What normalize() drops; RE2's \s is ASCII only, so \p{Z} adds the other spaces. */
const IGNORED_RE2 = '[\\s\\p{Z}\\p{P}\\p{S}]+';

/** SQL folding the text expression `expr` as normalize() does (see the top of this file). */
export function searchKeySql(expr: string): string {
  return `regexp_replace(lower(translate(${expr}, '${FOLD_FROM}', '${FOLD_TO}')), '${IGNORED_RE2}', '', 'g')`;
}

export const CREATE_STORE_SEARCH_SQL = `CREATE TABLE ${STORE_SEARCH_TABLE} (
  id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  address VARCHAR NOT NULL,
  -- name and address folded by searchKeySql
  name_key VARCHAR NOT NULL,
  address_key VARCHAR NOT NULL,
  admin_code VARCHAR,
  -- the store's point, WGS84 degrees
  lng DOUBLE NOT NULL,
  lat DOUBLE NOT NULL
)`;

/** INSERT the store_search rows of the stores `where` keeps. */
export function insertStoreSearchSql(where: string): string {
  const [name, address] = [`properties->>'name'`, `coalesce(properties->>'address', '')`];
  return `INSERT INTO ${STORE_SEARCH_TABLE}
    SELECT id, ${name}, ${address}, ${searchKeySql(name)}, ${searchKeySql(address)},
           admin_code, xmin, ymin
    FROM stores WHERE ${where}`;
}

/**
 * After a write to `layer` (a no-op unless it is stores): replace the store_search rows of
 * the ids that `idsSql` selects (written or deleted) with what the stores table now holds.
 * Pass `ids` to select them from a list instead ($1).
 */
export async function refreshStoreSearch(
  c: DuckDBConnection,
  layer: LayerName,
  idsSql: string,
  ids?: readonly string[],
): Promise<void> {
  if (layer !== 'stores') return;
  const params = ids ? [listValue([...ids])] : [];
  await c.run(`DELETE FROM ${STORE_SEARCH_TABLE} WHERE id IN (${idsSql})`, params);
  await c.run(insertStoreSearchSql(`id IN (${idsSql})`), params);
}
