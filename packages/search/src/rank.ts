import type { SearchKind, SearchResult } from './result.ts';

// The order of hits, wherever they were found (in memory or in the store's database):
// higher score first; at equal points schools, then areas, then stores; then the shorter
// name, the name in pinyin order, and the id.

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
/** Added to a match so that, at equal points, schools come first, then areas, then stores. */
export const KIND_BONUS: Record<SearchKind, number> = { school: 2, admin_area: 1, store: 0 };

/** Chinese names in pinyin order (as String.localeCompare with 'zh-CN'; one collator). */
const zh = new Intl.Collator('zh-CN');

export function compareResults(a: SearchResult, b: SearchResult): number {
  return (
    b.score - a.score ||
    a.name.length - b.name.length ||
    zh.compare(a.name, b.name) ||
    a.id.localeCompare(b.id)
  );
}

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`search limit must be an integer 1..${MAX_LIMIT}, got ${limit}`);
  }
}
