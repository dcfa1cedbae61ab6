import type { ExpressionSpecification, SourceSpecification } from 'maplibre-gl';
import type { TileLayerName } from '@atlas/tiles';

// The one data source of the map: the atlas's own vector tiles, described by /tiles.json on
// the page's own origin (TileJSON 3.0). Every atlas layer is drawn from an MVT layer of it.
// The tiles hold one MVT layer per tile layer name below; below each layer's detail zoom,
// point layers come as grid cells (`cluster: true`, `count`, counts per store group).

export const ATLAS_SOURCE = 'atlas';
export const TILE_JSON_PATH = '/tiles.json';

export type { TileLayerName };

/** Where the page finds the TileJSON: same origin, never another machine. */
export function tileJsonUrl(origin: string): string {
  return new URL(TILE_JSON_PATH, origin).href;
}

export function atlasSource(origin: string): SourceSpecification {
  // MapLibre's default 512-px vector tiles: at map zoom z it draws tiles of zoom ⌊z⌋, so a
  // 256-unit grid cell of the tiles spans 32–64 CSS pixels on screen.
  return { type: 'vector', url: tileJsonUrl(origin) };
}

/** True for the grid cells of a point layer (low zooms), false for single features. */
export const IS_CELL: ExpressionSpecification = ['==', ['get', 'cluster'], true];
export const IS_SINGLE: ExpressionSpecification = ['!=', ['get', 'cluster'], true];

export const isGeometry = (type: 'Point' | 'LineString' | 'Polygon'): ExpressionSpecification => [
  '==',
  ['geometry-type'],
  type,
];

/** The part of a style layer that says where its features come from. */
export const fromTiles = (sourceLayer: TileLayerName) =>
  ({ source: ATLAS_SOURCE, 'source-layer': sourceLayer }) as const;
