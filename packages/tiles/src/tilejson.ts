import type { Bbox } from '@atlas/model';
import { TILE_LAYERS } from './tile-layers.ts';

// TileJSON 3.0.0: where the tiles are, which zooms carry data, and every vector layer
// with its fields, so that a MapLibre style can be written against it.

export const TILEJSON_VERSION = '3.0.0';
/** Highest zoom with new detail; clients over-zoom beyond it (every store is in by z14). */
export const DATA_MAX_ZOOM = 16;
export const DATA_MIN_ZOOM = 0;
/** Zoom of the suggested centre. */
const CENTER_ZOOM = 10;
const WORLD: Bbox = [-180, -85.0511287798066, 180, 85.0511287798066];

export interface TileJson {
  tilejson: string;
  name: string;
  scheme: 'xyz';
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: Bbox;
  center: [number, number, number];
  vector_layers: { id: string; description: string; fields: Record<string, string> }[];
}

/** The TileJSON for tiles at tilesUrl (…/{z}/{x}/{y}.mvt), bounded by the data's bbox. */
export function tileJson(tilesUrl: string, dataBounds: Bbox | null): TileJson {
  const bounds = dataBounds ?? WORLD;
  return {
    tilejson: TILEJSON_VERSION,
    name: '校园周边风险地图 Campus Perimeter & Risk Atlas',
    scheme: 'xyz',
    tiles: [tilesUrl],
    minzoom: DATA_MIN_ZOOM,
    maxzoom: DATA_MAX_ZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, CENTER_ZOOM],
    vector_layers: TILE_LAYERS.map((l) => ({
      id: l.name,
      description: l.description,
      fields: { ...l.fields },
    })),
  };
}

/** The union of boxes, or null when there is none. */
export function unionBounds(boxes: readonly (Bbox | null)[]): Bbox | null {
  const present = boxes.filter((b): b is Bbox => b !== null);
  if (present.length === 0) return null;
  return [
    Math.min(...present.map((b) => b[0])),
    Math.min(...present.map((b) => b[1])),
    Math.max(...present.map((b) => b[2])),
    Math.max(...present.map((b) => b[3])),
  ];
}
