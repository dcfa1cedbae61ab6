// The knobs of tile cutting, with their defaults.

export interface TileOptions {
  /** Tile units across a tile (MVT default). */
  extent: number;
  /** Tile units of margin drawn around the tile so that strokes and symbols join up. */
  bufferUnits: number;
  /** Douglas–Peucker tolerance, tile units. */
  toleranceUnits: number;
  /** A polygon narrower and shorter than this (tile units) is drawn as a point. */
  tinyPolygonUnits: number;
  /** A line narrower and shorter than this (tile units) is left out at that zoom. */
  tinyLineUnits: number;
}

export const TILE_DEFAULTS: TileOptions = {
  extent: 4096,
  bufferUnits: 64, // 1/64 of a tile, as geojson-vt
  toleranceUnits: 3, // as geojson-vt
  tinyPolygonUnits: 16, // 2 px on a 512 px tile
  tinyLineUnits: 8, // 1 px on a 512 px tile
};
