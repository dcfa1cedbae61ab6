import { buildEntries } from './entries.ts';
import type { Entry, SearchInput } from './entries.ts';
import { matchToken } from './match.ts';
import type { TokenMatch } from './match.ts';
import { normalize } from './normalize.ts';
import { assertLimit, compareResults, DEFAULT_LIMIT, KIND_BONUS } from './rank.ts';
import type { SearchResult } from './result.ts';

// The in-memory index: entries built once, a query scans them (a district holds a few
// thousand records; a scan of 100 000 takes milliseconds). Every whitespace-separated part
// of the query must match the record; the weakest part sets the score.

export { DEFAULT_LIMIT, MAX_LIMIT } from './rank.ts';

export type SearchIndex = {
  /** Records indexed. */
  size: number;
  search(query: string, limit?: number): SearchResult[];
  /** Every record that all the normalised tokens match, unsorted. */
  match(tokens: readonly string[]): SearchResult[];
};

/** The normalised, non-empty whitespace-separated parts of a query. */
export function tokensOf(query: string): string[] {
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
  const match = (tokens: readonly string[]): SearchResult[] => {
    const hits: SearchResult[] = [];
    if (tokens.length === 0) return hits;
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
    return hits;
  };
  return {
    size: entries.length,
    match,
    search(query, limit = DEFAULT_LIMIT) {
      assertLimit(limit);
      return match(tokensOf(query)).sort(compareResults).slice(0, limit);
    },
  };
}
