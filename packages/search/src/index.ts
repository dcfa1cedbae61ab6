// @atlas/search — find schools, stores and admin areas by name, pinyin, address or area.
// result:       the zod schema of a search hit (API validation, docs and web types)
export * from './result.ts';
// entries:      records with precomputed keys, built from the store's features
export type { SearchInput } from './entries.ts';
// normalize:    how text is folded before comparing (NFKC, lower case, no spaces/punctuation)
export { normalize } from './normalize.ts';
// pinyin-keys:  initials and full pinyin of a Chinese name
export { pinyinKeys } from './pinyin-keys.ts';
// search-index: build the index once, query it many times
export { createSearchIndex, DEFAULT_LIMIT, MAX_LIMIT } from './search-index.ts';
export type { SearchIndex } from './search-index.ts';
