// What the basemap routes need from a bureau's offline basemap file, whatever its format:
// a description for TileJSON and one tile at a time. One adapter per format (PMTiles in
// basemap-pmtiles.ts, MBTiles in basemap-mbtiles.ts) reads only what each call needs,
// never the whole file: a province's imagery can be tens of gigabytes.

export type BasemapKind = 'raster' | 'vector';
export type BasemapFormat = 'pmtiles' | 'mbtiles';

/** What a tile is served as, by its format. */
export const TILE_CONTENT_TYPES = {
  mvt: 'application/vnd.mapbox-vector-tile',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
} as const;
export type TileFormat = keyof typeof TILE_CONTENT_TYPES;

/** Web Mercator's latitude limit, degrees: the default bounds of a file that states none. */
export const MERCATOR_MAX_LAT_DEG = 85.051129;
export const WORLD_BOUNDS: [number, number, number, number] = [
  -180,
  -MERCATOR_MAX_LAT_DEG,
  180,
  MERCATOR_MAX_LAT_DEG,
];

/** The file's own description, format-neutral; TileJSON is built from it. */
export interface BasemapInfo {
  name?: string;
  attribution?: string;
  description?: string;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north], WGS84 degrees. */
  bounds: [number, number, number, number];
  /** [lng, lat, zoom]. */
  center: [number, number, number];
  /** TileJSON vector_layers of a vector file, as the file states them. */
  vectorLayers?: unknown[];
}

/** One tile's bytes; `encoding` says they are still gzip-compressed as the file stores them. */
export interface BasemapTile {
  data: Uint8Array<ArrayBuffer>;
  encoding: 'gzip' | null;
}

export interface BasemapFile {
  path: string;
  format: BasemapFormat;
  kind: BasemapKind;
  contentType: (typeof TILE_CONTENT_TYPES)[TileFormat];
  info: BasemapInfo;
  /** The tile at XYZ (y from the north), or null where the file holds none. */
  tile: (z: number, x: number, y: number) => Promise<BasemapTile | null>;
  close: () => Promise<void>;
}

/** The start-up error for a file that cannot serve as a basemap: names the path and reason. */
export class UnusableBasemap extends Error {
  constructor(path: string, format: string, reason: string) {
    super(`ATLAS_BASEMAP "${path}" is not a usable ${format} basemap: ${reason}`);
  }
}

export const unusableBasemap = (path: string, format: string, reason: string): Error =>
  new UnusableBasemap(path, format, reason);

/** The bounds' middle at the shallowest zoom: where a file with no stated centre opens. */
export function middleOf(
  [west, south, east, north]: [number, number, number, number],
  zoom: number,
): [number, number, number] {
  return [(west + east) / 2, (south + north) / 2, zoom];
}
