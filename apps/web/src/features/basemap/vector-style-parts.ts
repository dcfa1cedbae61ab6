import type {
  ExpressionSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { BASEMAP_LAYER_PREFIX } from '../../map/index.ts';
import { LOCAL_FONT_STACK } from '../../map/fonts.ts';
import type { BureauColors } from './vector-style-colors.ts';

// The pieces every bureau vector style is built from: where features come from, which
// geometry a layer draws, the Chinese name of a feature and how a label looks. Labels use the
// atlas's local font stack and the style has no glyphs URL, so no label asks any server.

export const BUREAU_SOURCE_ID = 'bureau-basemap';
/** Every bureau style layer id starts so: it marks them as base map (see basemapBeforeId). */
export const BUREAU_LAYER_ID = `${BASEMAP_LAYER_PREFIX}bureau`;

/** A style layer of the bureau basemap, written without the parts every one of them shares. */
export type BureauLayer = LayerSpecification extends infer L
  ? L extends LayerSpecification
    ? Omit<L, 'source' | 'source-layer'>
    : never
  : never;

/** Builds a schema's layers for the source layers the file really has. */
export type SchemaStyle = (
  c: BureauColors,
  has: (sourceLayer: string) => boolean,
) => LayerSpecification[];

/** Fills in id prefix, source and source layer; drops layers whose source layer is absent. */
export function fromLayer(
  sourceLayer: string,
  has: (sourceLayer: string) => boolean,
  layers: BureauLayer[],
): LayerSpecification[] {
  if (!has(sourceLayer)) return [];
  return layers.map(
    (l) =>
      ({
        ...l,
        id: `${BUREAU_LAYER_ID}-${l.id}`,
        source: BUREAU_SOURCE_ID,
        'source-layer': sourceLayer,
      }) as LayerSpecification,
  );
}

/** True for features of this geometry, single or multi. */
export const isGeometry = (type: 'Point' | 'LineString' | 'Polygon'): ExpressionSpecification => [
  'match',
  ['geometry-type'],
  [type, `Multi${type}`],
  true,
  false,
];

/** The name in Simplified Chinese where the file has one, else the local name. */
export const NAME_ZH: ExpressionSpecification = [
  'coalesce',
  ['get', 'name:zh-Hans'],
  ['get', 'name:zh'],
  ['get', 'name'],
  '',
];

/** Zoom → value pairs as an exponential interpolation (road widths grow ~1.4× a zoom). */
const WIDTH_BASE = 1.4;
export function byZoom(...stops: [number, number | ExpressionSpecification][]) {
  return [
    'interpolate',
    ['exponential', WIDTH_BASE],
    ['zoom'],
    ...stops.flat(),
  ] as unknown as ExpressionSpecification;
}

/** `match` on a property with a fallback: pairs of [values, output]. */
export function matchOf<T>(
  property: string,
  cases: [string[], T][],
  fallback: T | ExpressionSpecification,
): ExpressionSpecification {
  return [
    'match',
    ['get', property],
    ...cases.flatMap(([values, out]) => [values, out]),
    fallback,
  ] as unknown as ExpressionSpecification;
}

/** Label sizes, CSS pixels: water names, and places by rank (suburbs, hamlets: `other`). */
export const LABEL_PX = { water: 12, country: 16, city: 15, town: 13, village: 12, other: 11 };
/** Sort key of a place the file gives no rank: placed after every ranked one. */
export const UNRANKED = 100;
const LABEL_HALO_PX = 1.5;
const LABEL_MAX_WIDTH_EM = 8;

/** A label in the atlas's fonts and ink; `line` labels follow the line. */
export function label(
  c: BureauColors,
  opts: {
    id: string;
    sizePx: number | ExpressionSpecification;
    filter?: ExpressionSpecification;
    minzoom?: number;
    line?: boolean;
    color?: string;
    sortKey?: ExpressionSpecification;
  },
): BureauLayer {
  return {
    id: opts.id,
    type: 'symbol',
    ...(opts.filter ? { filter: opts.filter } : {}),
    ...(opts.minzoom !== undefined ? { minzoom: opts.minzoom } : {}),
    layout: {
      'text-field': NAME_ZH,
      'text-font': LOCAL_FONT_STACK,
      'text-size': opts.sizePx,
      'text-max-width': LABEL_MAX_WIDTH_EM,
      ...(opts.line ? { 'symbol-placement': 'line' as const } : {}),
      ...(opts.sortKey ? { 'symbol-sort-key': opts.sortKey } : {}),
    },
    paint: {
      'text-color': opts.color ?? c.ink,
      'text-halo-color': c.halo,
      'text-halo-width': LABEL_HALO_PX,
    },
  } satisfies Omit<SymbolLayerSpecification, 'source'>;
}
