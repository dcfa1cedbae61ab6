import { featureId, type LayerFeature, type LayerName } from '@atlas/model';
import type { ApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { boxAround } from '../dossier/nearby.ts';

// A feature the tiles draw without its string id (stores below z16, to keep the densest
// tiles light), found again by its tile feature id — featureId(id), a 53-bit hash — among
// the features the API has around where the map drew it. Tile coordinates are rounded to
// 1/4096 of a tile: under 1 m from z14, where stores are drawn one by one.

/** How far around the drawn point the feature is looked for, metres. */
const SEARCH_RADIUS_M = 5;
/** Features read from that box; more than this many within 5 m is not a real place. */
const SEARCH_LIMIT = 200;

export async function findByTileId<L extends LayerName>(
  api: ApiClient,
  layer: L,
  fid: number,
  at: [number, number],
  signal?: AbortSignal,
): Promise<LayerFeature<L>> {
  const bbox = boxAround(at, SEARCH_RADIUS_M);
  const page = await api.featurePage(layer, { bbox, limit: SEARCH_LIMIT, signal });
  const found = page.features.find((f) => featureId(f.id) === fid);
  if (!found) throw new Error(t.popup.notFoundHere);
  return found;
}
