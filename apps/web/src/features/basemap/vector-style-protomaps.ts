import type { ExpressionSpecification } from 'maplibre-gl';
import type { BureauColors } from './vector-style-colors.ts';
import { ADMIN_LEVEL, boundaryLayer } from './vector-style-boundaries.ts';
import { fromLayer, isGeometry, label, LABEL_PX, matchOf, UNRANKED } from './vector-style-parts.ts';
import type { SchemaStyle } from './vector-style-parts.ts';
import { roadLabels, roadLayers } from './vector-style-roads.ts';
import type { RoadClasses } from './vector-style-roads.ts';

// A style for the Protomaps basemap schema (docs.protomaps.com/basemaps/layers, v3 and v4):
// the earth (land) on the atlas's paper colour, land cover and use, water (areas and lines),
// buildings, roads by `kind`, railways, boundaries by `kind`, then names — water, roads,
// places — in Chinese where the file has them. Points of interest are left out.

const ROADS: RoadClasses = {
  motorway: ['highway'],
  major: ['major_road'],
  medium: ['medium_road'],
  minor: ['minor_road', 'other'],
  path: ['path'],
  rail: ['rail'],
  ferry: ['ferry'],
};
const LANDCOVER_OPACITY = 0.8;
const LANDUSE_OPACITY = 0.7;
const BUILDING_MIN_ZOOM = 13;
const WATER_LINE_WIDTH_PX = 1.2;
const RAIL_WIDTH_PX = 1.2;
const RAIL_DASH = [3, 2];
const LEVEL = matchOf(
  'kind',
  [
    [['country'], ADMIN_LEVEL.country],
    [['region'], ADMIN_LEVEL.province],
    [['county'], ADMIN_LEVEL.county],
  ],
  ADMIN_LEVEL.township,
);

/** Land covers (v4 `landcover`, v3 `natural`) by kind. */
const cover = (c: BureauColors) =>
  matchOf(
    'kind',
    [
      [['forest', 'wood'], c.wood],
      [['grassland', 'scrub', 'wetland'], c.grass],
      [['farmland'], c.farmland],
      [['barren', 'sand', 'beach', 'bare_rock'], c.sand],
      [['glacier'], c.ice],
      [['urban_area'], c.builtUp],
    ],
    c.grass,
  );

const landuse = (c: BureauColors) =>
  matchOf(
    'kind',
    [
      [
        ['park', 'garden', 'golf_course', 'playground', 'nature_reserve', 'cemetery', 'zoo'],
        c.park,
      ],
      [['forest', 'wood'], c.wood],
      [['farmland', 'orchard'], c.farmland],
      [['beach', 'sand'], c.sand],
    ],
    c.builtUp,
  );

const placeSize: ExpressionSpecification = matchOf(
  'kind',
  [
    [['country'], LABEL_PX.country],
    [['region'], LABEL_PX.city],
  ],
  matchOf(
    'kind_detail',
    [
      [['city'], LABEL_PX.city],
      [['town'], LABEL_PX.town],
      [['village'], LABEL_PX.village],
    ],
    LABEL_PX.other,
  ),
);

export const protomapsStyle: SchemaStyle = (c, has) => [
  ...fromLayer('earth', has, [
    { id: 'pm-earth', type: 'fill', paint: { 'fill-color': c.background } },
  ]),
  ...['landcover', 'natural'].flatMap((layer) =>
    fromLayer(layer, has, [
      {
        id: `pm-${layer}`,
        type: 'fill',
        filter: isGeometry('Polygon'),
        paint: { 'fill-color': cover(c), 'fill-opacity': LANDCOVER_OPACITY },
      },
    ]),
  ),
  ...fromLayer('landuse', has, [
    {
      id: 'pm-landuse',
      type: 'fill',
      filter: isGeometry('Polygon'),
      paint: { 'fill-color': landuse(c), 'fill-opacity': LANDUSE_OPACITY },
    },
  ]),
  ...fromLayer('water', has, [
    {
      id: 'pm-water',
      type: 'fill',
      filter: isGeometry('Polygon'),
      paint: { 'fill-color': c.water },
    },
    {
      id: 'pm-water-line',
      type: 'line',
      filter: isGeometry('LineString'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.waterLine, 'line-width': WATER_LINE_WIDTH_PX },
    },
  ]),
  ...fromLayer('buildings', has, [
    {
      id: 'pm-buildings',
      type: 'fill',
      minzoom: BUILDING_MIN_ZOOM,
      paint: { 'fill-color': c.building, 'fill-outline-color': c.buildingLine },
    },
  ]),
  ...roadLayers(c, has, {
    sourceLayer: 'roads',
    property: 'kind',
    classes: ROADS,
    idPrefix: 'pm-road',
  }),
  ...fromLayer('transit', has, [
    {
      id: 'pm-transit',
      type: 'line',
      filter: ['all', isGeometry('LineString'), ['==', ['get', 'kind'], 'rail']],
      paint: { 'line-color': c.rail, 'line-width': RAIL_WIDTH_PX, 'line-dasharray': RAIL_DASH },
    },
  ]),
  ...fromLayer('boundaries', has, [
    boundaryLayer(c, 'pm-boundary', LEVEL, ['!=', ['get', 'maritime'], true]),
  ]),
  ...fromLayer('water', has, [
    label(c, {
      id: 'pm-water-name',
      sizePx: LABEL_PX.water,
      color: c.waterText,
      filter: isGeometry('Point'),
    }),
    label(c, {
      id: 'pm-water-name-line',
      sizePx: LABEL_PX.water,
      color: c.waterText,
      line: true,
      filter: isGeometry('LineString'),
    }),
  ]),
  ...roadLabels(c, has, {
    sourceLayer: 'roads',
    idPrefix: 'pm-road',
    exclude: ['!', ['in', ['get', 'kind'], ['literal', [...ROADS.rail, ...ROADS.ferry]]]],
  }),
  ...fromLayer('places', has, [
    label(c, {
      id: 'pm-place',
      sizePx: placeSize,
      sortKey: ['to-number', ['coalesce', ['get', 'min_zoom'], UNRANKED]],
    }),
  ]),
];
