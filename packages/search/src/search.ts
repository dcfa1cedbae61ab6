import type { AdminArea, School } from '@atlas/model';
import { createAreaPaths } from './area-paths.ts';
import { assertLimit, compareResults, DEFAULT_LIMIT } from './rank.ts';
import type { SearchResult } from './result.ts';
import { createSearchIndex, tokensOf } from './search-index.ts';
import { storeQuery, storeResult, type StoreSource } from './store-query.ts';

// Search at province scale: schools and admin areas (tens of thousands, and pinyin matters
// for school names) in the in-memory index; stores (a million) asked of the store, which
// returns its best `limit`. Both are scored alike, merged in one order, cut to `limit`.
//
//   query ─tokens─┬─▶ in-memory index (schools, areas) ──────────────┐
//                 └─▶ stores.searchStores (name, address, area) ─────┴─▶ sort ─▶ limit

export type Search = {
  /** Schools and admin areas held in memory. */
  size: number;
  search(query: string, limit?: number): Promise<SearchResult[]>;
};

export type SearchInMemory = { schools: readonly School[]; adminAreas: readonly AdminArea[] };

export function createSearch({ schools, adminAreas }: SearchInMemory, stores: StoreSource): Search {
  const index = createSearchIndex({ schools, adminAreas, stores: [] });
  const areas = createAreaPaths(adminAreas);
  return {
    size: index.size,
    async search(query, limit = DEFAULT_LIMIT) {
      assertLimit(limit);
      const tokens = tokensOf(query);
      if (tokens.length === 0) return [];
      const found = await stores.searchStores(storeQuery(tokens, areas, limit));
      const hits = [...index.match(tokens), ...found.map((h) => storeResult(h, areas))];
      return hits.sort(compareResults).slice(0, limit);
    },
  };
}
