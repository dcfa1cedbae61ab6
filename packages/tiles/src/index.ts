// @atlas/tiles — Mapbox Vector Tiles cut from an in-memory index of the store:
// select → clip (with buffer) → simplify per zoom → aggregate low zooms → encode.

// The source: loads the store, follows its changes, cuts and caches tiles.
export {
  TileSource,
  createTileSource,
  CACHE_MAX_BYTES_DEFAULT,
  GZIP_LEVEL_DEFAULT,
  type TileStore,
  type TileSourceOptions,
} from './tile-source.ts';
// Tile addresses: z/x/y validation and bounds.
export { MAX_ZOOM, isValidTile, assertTile, tileKey, type TileCoord } from './tile-coord.ts';
// Cached tiles: body (null when empty), strong ETag, gzipped copy.
export type { CachedTile } from './tile-cache.ts';
// TileJSON 3.0.0 describing the layers and fields.
export { tileJson, DATA_MAX_ZOOM, type TileJson } from './tilejson.ts';
// The MVT layers, their fields and the zooms that thin them.
export {
  TILE_LAYERS,
  STORE_DETAIL_ZOOM,
  STORE_NAME_ZOOM,
  POINT_DETAIL_ZOOM,
  STORE_GROUPS,
  type TileLayerName,
} from './tile-layers.ts';
// The audit layers: the latest run's finding lines and its profile's perimeter rings.
export { ZONE_MIN_ZOOM, DRAWN_STATUSES } from './audit-records.ts';
export { ZONE_CACHE_MAX_SCHOOLS } from './zone-layer.ts';
// Tile options (extent, buffer, tolerance, tiny polygon size) and the pipeline itself.
export { buildTile } from './tile.ts';
export { TILE_DEFAULTS, type TileOptions } from './tile-options.ts';
// The in-memory data tiles are cut from (for tests and benchmarks).
export { TileData } from './tile-data.ts';
// Web Mercator world coordinates.
export { lngToX, latToY, xToLng, yToLat } from './mercator.ts';
