import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { ATLAS_SOURCE } from '../../map/index.ts';

// After a commit the server has invalidated its tiles; the map asks for its TileJSON and
// every tile again (the tiles carry ETags, so unchanged ones come back as 304).

export function refreshAtlas(map: MapLibreMap): boolean {
  const source = map.getSource<VectorTileSource>(ATLAS_SOURCE);
  if (!source?.url) return false;
  source.setUrl(source.url);
  return true;
}
