import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LIMIT, MAX_LIMIT, SearchResult } from '@atlas/search';
import type { AppEnv } from '../app-env.ts';
import { searchOf } from './search-cache.ts';
import { limitParam } from './layer-query.ts';

// GET /api/search?q=&limit= — schools, stores and admin areas by name, pinyin initials
// (schools and areas), address or admin area (@atlas/search), best first.

/** Longer queries are not names; they are refused rather than scanned. */
const MAX_QUERY_CHARS = 100;

const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q must contain at least one non-space character')
    .max(MAX_QUERY_CHARS)
    .openapi({ param: { name: 'q', in: 'query' }, example: '一中' }),
  limit: limitParam(MAX_LIMIT, DEFAULT_LIMIT),
});

const SearchResponse = z.object({ query: z.string(), results: z.array(SearchResult) });

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['search'],
  summary: 'Find schools, stores and admin areas by name, pinyin initials, address or area',
  request: { query: SearchQuery },
  responses: {
    200: { content: { 'application/json': { schema: SearchResponse } }, description: 'OK' },
    400: {
      content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
      description: 'Missing or too long q, or limit out of range',
    },
  },
});

export const search = new OpenAPIHono<AppEnv>().openapi(searchRoute, async (c) => {
  const { q, limit } = c.req.valid('query');
  const search = await searchOf(c.get('store'));
  return c.json({ query: q, results: await search.search(q, limit) }, 200);
});
