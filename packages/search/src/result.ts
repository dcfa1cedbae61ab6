import { z } from 'zod';
import { Bbox, Position } from '@atlas/model';

// What a search returns, written once: the API validates and documents with it, and the web
// app takes its type from it.

export const SEARCH_KINDS = ['school', 'store', 'admin_area'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

/** Which text of the record matched the query, best match first. */
export const MatchedField = z.enum(['name', 'initials', 'pinyin', 'address', 'admin_area']);
export type MatchedField = z.infer<typeof MatchedField>;

export const SearchResult = z.object({
  kind: SearchKind,
  id: z.string().describe('feature id in its layer (schools, stores, admin_areas)'),
  name: z.string(),
  address: z.string().describe('street address; empty for admin areas'),
  adminPath: z.string().describe('county › township › village the record lies in'),
  position: Position.describe('where to jump: the point, or a label point of an area'),
  bbox: Bbox.nullable().describe('extent to fit, for areas; null for points'),
  matched: MatchedField,
  score: z.number().describe('higher is better; ties broken by kind, then name'),
});
export type SearchResult = z.infer<typeof SearchResult>;
