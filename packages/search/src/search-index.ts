import { buildEntries } from './entries.ts';
import type { Entry, SearchInput } from './entries.ts';
import { matchToken } from './match.ts';
import type { TokenMatch } from './match.ts';
import { normalize } from './normalize.ts';
import type { SearchKind, SearchResult } from './result.ts';

// The in-memory index: entries built once, a query scans them (a district holds a few
// thousand records; a scan of 100 000 takes milliseconds). Every whitespace-separated part
// of the query must match the record; the weakest part sets the score.

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
/** Added to a match so that, at equal points, schools come first, then areas, then stores. */
const KIND_BONUS: Record<SearchKind, number> = { school: 2, admin_area: 1, store: 0 };

export type SearchIndex = {
  /** Records indexed. */
  size: number;
  search(query: string, limit?: number): SearchResult[];
};

function tokensOf(query: string): string[] {
  return query
    .split(/\s+/u)
    .map(normalize)
    .filter((t) => t !== '');
}

function score(entry: Entry, tokens: readonly string[]): TokenMatch | null {
  let weakest: TokenMatch | null = null;
  for (const token of tokens) {
    const m = matchToken(entry, token);
    if (!m) return null;
    if (!weakest || m.points < weakest.points) weakest = m;
  }
  return weakest;
}

export function createSearchIndex(input: SearchInput): SearchIndex {
  const entries = buildEntries(input);
  return {
    size: entries.length,
    search(query, limit = DEFAULT_LIMIT) {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new RangeError(`search limit must be an integer 1..${MAX_LIMIT}, got ${limit}`);
      }
      const tokens = tokensOf(query);
      if (tokens.length === 0) return [];
      const hits: SearchResult[] = [];
      for (const e of entries) {
        const m = score(e, tokens);
        if (!m) continue;
        hits.push({
          kind: e.kind,
          id: e.id,
          name: e.name,
          address: e.address,
          adminPath: e.adminPath,
          position: e.position,
          bbox: e.bbox,
          matched: m.field,
          score: m.points + KIND_BONUS[e.kind],
        });
      }
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          a.name.length - b.name.length ||
          a.name.localeCompare(b.name, 'zh-CN') ||
          a.id.localeCompare(b.id),
      );
      return hits.slice(0, limit);
    },
  };
}
