import type { Position } from '@atlas/model';
import type { AreaPaths } from './area-paths.ts';
import { FIELD_POINTS, fieldOfPoints } from './match.ts';
import { KIND_BONUS } from './rank.ts';
import type { SearchResult } from './result.ts';

// Stores are too many to hold in memory (a province has a million): they are searched where
// they are stored, by folded name, address and area (no pinyin), through this interface.
// AtlasStore.searchStores (@atlas/store) implements it; the API passes it in.

export type StoreQuery = {
  tokens: { key: string; areas: { code: string; points: number }[] }[];
  points: { name: typeof FIELD_POINTS.name; address: typeof FIELD_POINTS.address };
  limit: number;
};

export type StoreHit = {
  id: string;
  name: string;
  address: string;
  adminCode: string | null;
  position: Position;
  points: number;
};

export type StoreSource = { searchStores(q: StoreQuery): Promise<StoreHit[]> };

/** The query for the best `limit` stores that every normalised token matches. */
export function storeQuery(tokens: readonly string[], areas: AreaPaths, limit: number): StoreQuery {
  return {
    tokens: tokens.map((key) => ({ key, areas: areas.matching(key) })),
    points: { name: FIELD_POINTS.name, address: FIELD_POINTS.address },
    limit,
  };
}

export function storeResult(hit: StoreHit, areas: AreaPaths): SearchResult {
  return {
    kind: 'store',
    id: hit.id,
    name: hit.name,
    address: hit.address,
    adminPath: areas.pathOf(hit.adminCode),
    position: hit.position,
    bbox: null,
    matched: fieldOfPoints(hit.points),
    score: hit.points + KIND_BONUS.store,
  };
}
