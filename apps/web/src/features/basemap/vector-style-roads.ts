import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { BureauColors } from './vector-style-colors.ts';
import { byZoom, fromLayer, isGeometry, label, matchOf } from './vector-style-parts.ts';
import type { BureauLayer } from './vector-style-parts.ts';

// Roads of a bureau vector basemap, for either schema: each schema names its road classes
// (OpenMapTiles `class`, Protomaps `kind`); here they fall into the atlas's own road groups,
// drawn like the atlas's roads: major roads warm and wide, minor ones white, a grey casing
// under each, paths dashed; railways and ferries dashed in their own colours.

export type RoadGroup = 'motorway' | 'major' | 'medium' | 'minor' | 'path' | 'rail' | 'ferry';
/** Each group's values of the schema's road property. */
export type RoadClasses = Record<RoadGroup, string[]>;

/** Drawn width of each group at zoom 10 and 18, CSS pixels (roads widen with zoom). */
const ROAD_WIDTH_PX: Record<Exclude<RoadGroup, 'rail' | 'ferry'>, [number, number]> = {
  motorway: [1.6, 16],
  major: [1.3, 14],
  medium: [0.9, 11],
  minor: [0.4, 7],
  path: [0.5, 2],
};
const LOW_ZOOM = 6;
const MID_ZOOM = 10;
const HIGH_ZOOM = 18;
const LOW_ZOOM_FACTOR = 0.4;
const CASING_EXTRA_PX = 1.5;
const CASING_MIN_ZOOM = 11;
const RAIL_WIDTH_PX = 1.2;
const DASH = [3, 2];
const ROAD_LABEL_MIN_ZOOM = 13;
const ROAD_LABEL_PX = 12;
/** Draw order within the roads: the wider group on top where roads cross. */
const ORDER: RoadGroup[] = ['path', 'minor', 'medium', 'major', 'motorway'];

function roadExpr<T>(
  property: string,
  classes: RoadClasses,
  out: (g: RoadGroup) => T,
  fallback: T,
) {
  const groups = Object.keys(classes) as RoadGroup[];
  return matchOf(
    property,
    groups.filter((g) => classes[g].length > 0).map((g) => [classes[g], out(g)]),
    fallback,
  );
}

function width(property: string, classes: RoadClasses, extraPx: number): ExpressionSpecification {
  const at = (i: 0 | 1, factor = 1) =>
    roadExpr(
      property,
      classes,
      (g) =>
        g === 'rail' || g === 'ferry' ? RAIL_WIDTH_PX : ROAD_WIDTH_PX[g][i] * factor + extraPx,
      ROAD_WIDTH_PX.minor[i] * factor + extraPx,
    );
  return byZoom([LOW_ZOOM, at(0, LOW_ZOOM_FACTOR)], [MID_ZOOM, at(0)], [HIGH_ZOOM, at(1)]);
}

/** The road layers of one source layer (with its names drawn along the lines). */
export function roadLayers(
  c: BureauColors,
  has: (sourceLayer: string) => boolean,
  opts: { sourceLayer: string; property: string; classes: RoadClasses; idPrefix: string },
): LayerSpecification[] {
  const { property, classes, idPrefix } = opts;
  const inGroups = (...groups: RoadGroup[]): ExpressionSpecification => [
    'in',
    ['get', property],
    ['literal', groups.flatMap((g) => classes[g])],
  ];
  const roads: ExpressionSpecification = ['!', inGroups('rail', 'ferry')];
  const lines = isGeometry('LineString');
  const sortKey = roadExpr(property, classes, (g) => Math.max(0, ORDER.indexOf(g)), 1);
  const layers: BureauLayer[] = [
    {
      id: `${idPrefix}-casing`,
      type: 'line',
      minzoom: CASING_MIN_ZOOM,
      filter: ['all', lines, roads, ['!', inGroups('path')]],
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': sortKey },
      paint: {
        'line-color': c.roadCasing,
        'line-width': width(property, classes, CASING_EXTRA_PX),
      },
    },
    {
      id: `${idPrefix}-line`,
      type: 'line',
      filter: ['all', lines, roads, ['!', inGroups('path')]],
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': sortKey },
      paint: {
        'line-color': roadExpr(
          property,
          classes,
          (g) => (g === 'motorway' || g === 'major' ? c.roadMajor : c.roadMinor),
          c.roadMinor,
        ),
        'line-width': width(property, classes, 0),
      },
    },
    {
      id: `${idPrefix}-path`,
      type: 'line',
      filter: ['all', lines, inGroups('path')],
      paint: {
        'line-color': c.muted,
        'line-width': width(property, classes, 0),
        'line-dasharray': DASH,
      },
    },
    {
      id: `${idPrefix}-rail`,
      type: 'line',
      filter: ['all', lines, inGroups('rail', 'ferry')],
      paint: {
        'line-color': roadExpr(
          property,
          classes,
          (g) => (g === 'ferry' ? c.waterLine : c.rail),
          c.rail,
        ),
        'line-width': RAIL_WIDTH_PX,
        'line-dasharray': DASH,
      },
    },
  ];
  return fromLayer(opts.sourceLayer, has, layers);
}

/** Road names along the lines, from zoom 13. */
export function roadLabels(
  c: BureauColors,
  has: (sourceLayer: string) => boolean,
  opts: { sourceLayer: string; idPrefix: string; exclude?: ExpressionSpecification },
): LayerSpecification[] {
  return fromLayer(opts.sourceLayer, has, [
    label(c, {
      id: `${opts.idPrefix}-label`,
      line: true,
      sizePx: ROAD_LABEL_PX,
      minzoom: ROAD_LABEL_MIN_ZOOM,
      filter: opts.exclude
        ? ['all', isGeometry('LineString'), opts.exclude]
        : isGeometry('LineString'),
    }),
  ]);
}
