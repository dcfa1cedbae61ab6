import type { ExpressionSpecification } from 'maplibre-gl';
import type { BureauColors } from './vector-style-colors.ts';
import {
  byZoom,
  fromLayer,
  isGeometry,
  label,
  LABEL_PX,
  matchOf,
  UNRANKED,
} from './vector-style-parts.ts';
import type { SchemaStyle } from './vector-style-parts.ts';
import { roadLabels, roadLayers } from './vector-style-roads.ts';
import { ADMIN_LEVEL, boundaryLayer } from './vector-style-boundaries.ts';
import type { RoadClasses } from './vector-style-roads.ts';

// A style for the OpenMapTiles schema (openmaptiles.org/schema): land cover and use, parks,
// water, buildings, roads by `class`, boundaries by `admin_level`, then names — water, roads,
// places — in Chinese where the file has them. Points of interest, house numbers, peaks and
// airports are left out: the atlas draws its own points of interest.

const ROADS: RoadClasses = {
  motorway: ['motorway', 'trunk'],
  major: ['primary'],
  medium: ['secondary', 'tertiary'],
  minor: ['minor', 'service', 'track', 'raceway', 'busway'],
  path: ['path', 'pedestrian', 'footway', 'cycleway', 'steps', 'bridleway'],
  rail: ['rail', 'transit'],
  ferry: ['ferry'],
};
const LANDCOVER_OPACITY = 0.8;
const LANDUSE_OPACITY = 0.7;
const BUILDING_MIN_ZOOM = 13;
/** `to-number` turns a missing level into 0 (a country line), so coalesce it first. */
const LEVEL: ExpressionSpecification = [
  'to-number',
  ['coalesce', ['get', 'admin_level'], ADMIN_LEVEL.township],
];
/** Rivers, canals and streams at WATERWAY_ZOOMS, CSS pixels. */
const WATERWAY_ZOOMS = [8, 16] as const;
const WATERWAY_WIDTH_PX: Record<'river' | 'canal' | 'other', [number, number]> = {
  river: [1, 5],
  canal: [0.5, 3],
  other: [0.5, 1.5],
};

const landcover = (c: BureauColors) =>
  matchOf(
    'class',
    [
      [['wood', 'forest'], c.wood],
      [['grass', 'meadow', 'scrub', 'wetland'], c.grass],
      [['farmland'], c.farmland],
      [['sand', 'beach', 'rock'], c.sand],
      [['ice', 'glacier'], c.ice],
    ],
    c.grass,
  );

const waterwayWidth = (i: 0 | 1) =>
  matchOf(
    'class',
    [
      [['river'], WATERWAY_WIDTH_PX.river[i]],
      [['canal'], WATERWAY_WIDTH_PX.canal[i]],
    ],
    WATERWAY_WIDTH_PX.other[i],
  );

export const openMapTilesStyle: SchemaStyle = (c, has) => [
  ...fromLayer('landcover', has, [
    {
      id: 'omt-landcover',
      type: 'fill',
      paint: { 'fill-color': landcover(c), 'fill-opacity': LANDCOVER_OPACITY },
    },
  ]),
  ...fromLayer('landuse', has, [
    {
      id: 'omt-landuse',
      type: 'fill',
      paint: {
        'fill-color': matchOf(
          'class',
          [[['park', 'cemetery', 'garden', 'pitch', 'playground', 'stadium', 'zoo'], c.park]],
          c.builtUp,
        ),
        'fill-opacity': LANDUSE_OPACITY,
      },
    },
  ]),
  ...fromLayer('park', has, [{ id: 'omt-park', type: 'fill', paint: { 'fill-color': c.park } }]),
  ...fromLayer('water', has, [
    {
      id: 'omt-water',
      type: 'fill',
      filter: isGeometry('Polygon'),
      paint: { 'fill-color': c.water },
    },
  ]),
  ...fromLayer('waterway', has, [
    {
      id: 'omt-waterway',
      type: 'line',
      filter: isGeometry('LineString'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.waterLine,
        'line-width': byZoom(
          [WATERWAY_ZOOMS[0], waterwayWidth(0)],
          [WATERWAY_ZOOMS[1], waterwayWidth(1)],
        ),
      },
    },
  ]),
  ...fromLayer('building', has, [
    {
      id: 'omt-building',
      type: 'fill',
      minzoom: BUILDING_MIN_ZOOM,
      paint: { 'fill-color': c.building, 'fill-outline-color': c.buildingLine },
    },
  ]),
  ...roadLayers(c, has, {
    sourceLayer: 'transportation',
    property: 'class',
    classes: ROADS,
    idPrefix: 'omt-road',
  }),
  ...fromLayer('boundary', has, [
    boundaryLayer(c, 'omt-boundary', LEVEL, ['!=', ['get', 'maritime'], 1]),
  ]),
  ...fromLayer('water_name', has, [
    label(c, {
      id: 'omt-water-name',
      sizePx: LABEL_PX.water,
      color: c.waterText,
      filter: isGeometry('Point'),
    }),
    label(c, {
      id: 'omt-water-name-line',
      sizePx: LABEL_PX.water,
      color: c.waterText,
      line: true,
      filter: isGeometry('LineString'),
    }),
  ]),
  ...roadLabels(c, has, {
    sourceLayer: 'transportation_name',
    idPrefix: 'omt-road',
    exclude: ['!', ['in', ['get', 'class'], ['literal', [...ROADS.rail, ...ROADS.ferry]]]],
  }),
  ...fromLayer('place', has, [
    label(c, {
      id: 'omt-place',
      filter: ['!=', ['get', 'class'], 'continent'],
      sizePx: matchOf(
        'class',
        [
          [['country'], LABEL_PX.country],
          [['state', 'province', 'city'], LABEL_PX.city],
          [['town'], LABEL_PX.town],
          [['village'], LABEL_PX.village],
        ],
        LABEL_PX.other,
      ),
      sortKey: ['to-number', ['coalesce', ['get', 'rank'], UNRANKED]],
    }),
  ]),
];
