import type { DuckDBValue } from '@duckdb/node-api';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { InvalidCursorError } from './errors.ts';

// The orders a layer page can be read in, each a keyset: a total order (the sort key, then
// id), the WHERE that starts just after the previous page's last row, and the cursor that
// carries that row's key. No offsets, so a page never skips or repeats a row when rows
// before it change.
//
//   id    id in text order                      cursor [1, id]        (cursor.ts)
//   name  `name` in pinyin order, then id       cursor [2, name, id]
//
// Pinyin order is DuckDB's ICU collation `zh` (CLDR's Chinese collation, whose default is
// pinyin; digits, then Han, then Latin). It runs in SQL over the stored rows and needs no
// stored key, but gives each character one reading whatever the word: 长 sorts as zhǎng
// (长江 after 云溪), 单 as dān. pinyin-pro (@atlas/search) reads polyphones in context, but
// could only order in SQL through a stored key column, which the schema does not have.

export const LAYER_SORTS = ['id', 'name'] as const;
export type LayerSort = (typeof LAYER_SORTS)[number];

/** ICU collation of the name order: Chinese, pinyin. */
const NAME_COLLATION = 'zh';
/** The name a row sorts by; every layer has a `name` property (roads may leave it ''). */
const NAME_SQL = `coalesce(properties->>'$.name', '')`;
const NAME_CURSOR_FORMAT = 2;
/** Alias of the extra column carrying the sort key, read back to make the cursor. */
export const SORT_KEY_COLUMN = 'sort_key';

export interface PageOrder {
  /** Added to the SELECT list: the sort key as SORT_KEY_COLUMN, or '' when id alone. */
  keySelect: string;
  orderBy: string;
  /** The WHERE term for rows after `cursor`; pushes its parameters onto `values`. */
  after(cursor: string, values: DuckDBValue[]): string;
  /** The cursor after a row: its id and its SORT_KEY_COLUMN value (unused by id order). */
  cursorOf(id: string, key: unknown): string;
}

function encodeNameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([NAME_CURSOR_FORMAT, name, id])).toString('base64url');
}

function decodeNameCursor(cursor: string): { name: string; id: string } {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 3 &&
      decoded[0] === NAME_CURSOR_FORMAT &&
      typeof decoded[1] === 'string' &&
      typeof decoded[2] === 'string'
    ) {
      return { name: decoded[1], id: decoded[2] };
    }
  } catch {
    // falls through: not ours (or made for another order)
  }
  throw new InvalidCursorError(cursor);
}

const BY_ID: PageOrder = {
  keySelect: '',
  orderBy: 'id',
  after(cursor, values) {
    values.push(decodeCursor(cursor));
    return `id > $${values.length}`;
  },
  cursorOf: (id) => encodeCursor(id),
};

const BY_NAME: PageOrder = {
  keySelect: `, ${NAME_SQL} AS ${SORT_KEY_COLUMN}`,
  orderBy: `${NAME_SQL} COLLATE ${NAME_COLLATION}, id`,
  after(cursor, values) {
    const { name, id } = decodeNameCursor(cursor);
    values.push(name, id);
    const [n, i] = [values.length - 1, values.length];
    const key = `${NAME_SQL} COLLATE ${NAME_COLLATION}`;
    return `(${key} > $${n} OR (${key} = $${n} AND id > $${i}))`;
  },
  cursorOf(id, key) {
    if (typeof key !== 'string') throw new TypeError(`column ${SORT_KEY_COLUMN}: expected text`);
    return encodeNameCursor(key, id);
  },
};

export function pageOrder(sort: LayerSort = 'id'): PageOrder {
  if (sort === 'id') return BY_ID;
  if (sort === 'name') return BY_NAME;
  throw new RangeError(`sort ${JSON.stringify(sort)}: expected one of ${LAYER_SORTS.join(', ')}`);
}
