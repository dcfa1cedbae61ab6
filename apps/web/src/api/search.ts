import type { SearchResult } from '@atlas/search';
import { getJson } from './http.ts';
import type { Fetch } from './http.ts';

// GET /api/search: schools, stores and admin areas by name, pinyin initials or address.

export type SearchResponse = { query: string; results: SearchResult[] };

export function searchClient(fetchFn: Fetch, base = '') {
  return {
    search(q: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
      const query = new URLSearchParams({ q, limit: String(limit) });
      return getJson<SearchResponse>(fetchFn, `${base}/api/search?${query}`, signal);
    },
  };
}
