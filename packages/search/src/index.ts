// @atlas/search — find schools, stores and admin areas by name, pinyin, address or area.
// result:       the zod schema of a search hit (API validation, docs and web types)
export * from './result.ts';
// entries:      records with precomputed keys, built from the store's features
export type { SearchInput } from './entries.ts';
// normalize:    how text is folded before comparing (NFKC, lower case, no spaces/punctuation)
export { normalize } from './normalize.ts';
// pinyin-keys:  initials and full pinyin of a Chinese name
export { pinyinKeys } from './pinyin-keys.ts';
// rank:         the one order of hits, and the limits of a search
export { DEFAULT_LIMIT, MAX_LIMIT } from './rank.ts';
// search-index: everything in memory: build the index once, query it many times
export { createSearchIndex } from './search-index.ts';
export type { SearchIndex } from './search-index.ts';
// store-query:  what the search asks of stores kept in a database, and what it gets back
export type { StoreHit, StoreQuery, StoreSource } from './store-query.ts';
// search:       province scale: schools and areas in memory, stores in the database, merged
export { createSearch } from './search.ts';
export type { Search, SearchInMemory } from './search.ts';
