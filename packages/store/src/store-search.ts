import { listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Position } from '@atlas/model';
import { STORE_SEARCH_TABLE } from './store-search-keys.ts';

// Stores whose folded name or address contains every query token, or which lie in an area
// a token names, scored in SQL as the search package scores its in-memory records: each
// token takes its best field (points from the caller), the weakest token sets the score.
// One scan of store_search's narrow columns; only the best `limit` rows come back, in the
// search's order (score, then shorter name, then name in pinyin order, then id).

/** Points when a token equals a field, starts it, or occurs in it. */
export interface MatchPoints {
  exact: number;
  prefix: number;
  within: number;
}

export interface StoreSearchToken {
  /** The token folded as normalize() folds it; never empty. */
  key: string;
  /** Admin codes whose area path the token matches, with the points of that match. */
  areas: readonly { code: string; points: number }[];
}

export interface StoreSearchQuery {
  tokens: readonly StoreSearchToken[];
  points: { name: MatchPoints; address: MatchPoints };
  limit: number;
}

export interface StoreSearchHit {
  id: string;
  name: string;
  address: string;
  adminCode: string | null;
  position: Position;
  /** The weakest token's best points. */
  points: number;
}

function assertQuery({ tokens, points, limit }: StoreSearchQuery): void {
  if (tokens.length === 0 || tokens.some((t) => t.key === '')) {
    throw new Error('store search needs at least one token, none of them empty');
  }
  const all = [points.name, points.address].flatMap((p) => [p.exact, p.prefix, p.within]);
  if (!all.every(Number.isFinite)) throw new Error('store search points must be finite numbers');
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`store search limit must be a positive integer, got ${limit}`);
  }
}

/** Points of `column` for the token in parameter `$k`, NULL when it does not contain it. */
function fieldPoints(column: string, k: string, p: MatchPoints): string {
  return `CASE WHEN ${column} = ${k} THEN ${p.exact} WHEN starts_with(${column}, ${k}) THEN ${p.prefix}
    WHEN contains(${column}, ${k}) THEN ${p.within} END`;
}

export async function searchStoreRows(
  c: DuckDBConnection,
  q: StoreSearchQuery,
): Promise<StoreSearchHit[]> {
  assertQuery(q);
  const params: DuckDBValue[] = [];
  const param = (value: DuckDBValue) => (params.push(value), `$${params.length}`);
  const joins: string[] = [];
  const scores: string[] = [];
  const filters: string[] = [];
  q.tokens.forEach((token, i) => {
    const k = param(token.key);
    let area = 'NULL';
    if (token.areas.length > 0) {
      // A hash join on the few matching codes: list_contains per row would be rows × codes.
      const codes = param(listValue(token.areas.map((a) => a.code)));
      const points = param(listValue(token.areas.map((a) => a.points)));
      joins.push(`LEFT JOIN (SELECT unnest(${codes}::VARCHAR[]) AS code,
        unnest(${points}::DOUBLE[]) AS points) a${i} ON a${i}.code = s.admin_code`);
      area = `a${i}.points`;
    }
    const name = fieldPoints('name_key', k, q.points.name);
    const address = fieldPoints('address_key', k, q.points.address);
    // greatest() skips NULLs: the best field the token matches.
    scores.push(`greatest(${name}, ${address}, ${area})`);
    filters.push(
      `(contains(name_key, ${k}) OR contains(address_key, ${k}) OR ${area} IS NOT NULL)`,
    );
  });
  const sql = `SELECT id, name, address, admin_code, lng, lat, least(${scores.join(', ')}) AS points
    FROM ${STORE_SEARCH_TABLE} s ${joins.join(' ')}
    WHERE ${filters.join(' AND ')}
    ORDER BY points DESC, length(name), name COLLATE zh, id
    LIMIT ${param(q.limit)}`;
  const rows = (await c.runAndReadAll(sql, params)).getRowsJS();
  return rows.map(([id, name, address, adminCode, lng, lat, points]) => ({
    id: String(id),
    name: String(name),
    address: String(address),
    adminCode: adminCode === null ? null : String(adminCode),
    position: [Number(lng), Number(lat)],
    points: Number(points),
  }));
}
