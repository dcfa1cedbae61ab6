import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import { fromTiles, IS_CELL } from '../tile-source.ts';
import type { TileLayerName } from '../tile-source.ts';

// Grid cells: below a point layer's detail zoom the tiles merge its points into cells of
// 256 tile units (32–64 CSS px with 512-px tiles), each with `count` at its members' mean
// position. A cell is drawn as the layer's own marker with its count beside it, or, for
// stores, as a numbered bubble whose area grows with the count. Numbers are dark on light
// or light on dark, so the bubbles read in greyscale and for every colour-vision type.
//
//   ⌂ 3    school / hazard cell: the marker, and how many it stands for
//   (12)   store cell: a bubble, radius ∝ √count, capped below two cell widths

export const CELL_TEXT_PX = 11;
/** Bubble radius for one member and the largest bubble, CSS px. */
const BUBBLE_MIN_RADIUS_PX = 6;
const BUBBLE_MAX_RADIUS_PX = 15;
/** Members at which a bubble reaches its largest size. */
const BUBBLE_MAX_COUNT = 100;
const BUBBLE_STROKE_PX = 1.5;
const BADGE_OFFSET_EM: [number, number] = [0.9, -0.6];

/** A cell with exactly one member: drawn as that member's own marker, without a count. */
export const ONE_MEMBER: ExpressionSpecification = ['==', ['get', 'count'], 1];

export function bubbleRadius(count: ExpressionSpecification): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['sqrt', count],
    1,
    BUBBLE_MIN_RADIUS_PX,
    Math.sqrt(BUBBLE_MAX_COUNT),
    BUBBLE_MAX_RADIUS_PX,
  ];
}

/** Cells of a point layer drawn as its marker with the count as a badge (count 1: no badge). */
export function markerCells(
  id: string,
  sourceLayer: TileLayerName,
  marker: string,
  ink: string,
  halo: string,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    ...fromTiles(sourceLayer),
    filter: IS_CELL,
    layout: {
      'icon-image': marker,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['get', 'count'],
      'text-field': ['case', ONE_MEMBER, '', ['to-string', ['get', 'count']]],
      'text-font': LOCAL_FONT_STACK,
      'text-size': CELL_TEXT_PX,
      'text-anchor': 'bottom-left',
      'text-offset': BADGE_OFFSET_EM,
      'text-optional': true,
    },
    paint: { 'text-color': ink, 'text-halo-color': halo, 'text-halo-width': 1.5 },
  };
}

export type BubbleColors = { fill: string; stroke: string; text: string };

/** A numbered bubble per cell: the circle (bottom) and its number (drawn with the labels). */
export function bubbleLayers(
  id: string,
  sourceLayer: TileLayerName,
  filter: ExpressionSpecification,
  count: ExpressionSpecification,
  colors: BubbleColors,
): { circle: LayerSpecification; text: LayerSpecification } {
  return {
    circle: {
      id,
      type: 'circle',
      ...fromTiles(sourceLayer),
      filter,
      layout: { 'circle-sort-key': count },
      paint: {
        'circle-radius': bubbleRadius(count),
        'circle-color': colors.fill,
        'circle-stroke-color': colors.stroke,
        'circle-stroke-width': BUBBLE_STROKE_PX,
      },
    },
    text: {
      id: `${id}-count`,
      type: 'symbol',
      ...fromTiles(sourceLayer),
      filter,
      layout: {
        'text-field': ['to-string', count],
        'text-font': LOCAL_FONT_STACK,
        'text-size': CELL_TEXT_PX,
        // Every bubble shows its number, and no number keeps a place name off the map.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': colors.text },
    },
  };
}
