import type { LayerFeature } from '@atlas/model';
import type { ExpressionSpecification } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { BASE } from '../palette.ts';
import type { Palette } from '../palette.ts';
import { fromTiles } from '../tile-source.ts';

// Roads by class: major roads warm and wide, minor ones white and narrow, footpaths dashed.
// A grey casing under each keeps white roads visible on the pale background.

type RoadClass = LayerFeature<'roads'>['properties']['class'];

/** Drawn width of each class at the base zoom, CSS pixels. */
const ROAD_WIDTH_PX: Record<RoadClass, number> = {
  expressway: 5,
  national: 4,
  provincial: 3.5,
  urban_arterial: 3.5,
  county: 3,
  urban_secondary: 3,
  township: 2.5,
  village: 2,
  local: 2,
  path: 1.5,
};
const MAJOR: readonly RoadClass[] = ['expressway', 'national', 'provincial', 'urban_arterial'];
const CASING_EXTRA_PX = 1.5;
/** Footpath dashes, in line widths. */
const PATH_DASH: [number, number] = [2, 1.5];
const NOT_PATH: ExpressionSpecification = ['!=', ['get', 'class'], 'path'];
/** Roads widen with zoom: these factors at zoom 8 and 18 relative to zoom 12. */
const LOW_ZOOM_WIDTH_FACTOR = 0.4;
const ZOOM_WIDTH_FACTOR = 2;

function widthBy(extraPx: number): ExpressionSpecification {
  const byClass = (factor: number): ExpressionSpecification =>
    [
      'match',
      ['get', 'class'],
      ...Object.entries(ROAD_WIDTH_PX).flatMap(([cls, px]) => [cls, px * factor + extraPx]),
      1,
    ] as unknown as ExpressionSpecification;
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    8,
    byClass(LOW_ZOOM_WIDTH_FACTOR),
    12,
    byClass(1),
    18,
    byClass(ZOOM_WIDTH_FACTOR),
  ];
}

const roadColor = (p: Palette): ExpressionSpecification => [
  'case',
  ['in', ['get', 'class'], ['literal', MAJOR]],
  p.roadMajor,
  p.roadMinor,
];

export const roads: LayerGroup<'roads'> = {
  layer: 'roads',
  sourceLayers: ['roads'],
  layers: (p) => [
    {
      id: 'roads-casing',
      type: 'line',
      ...fromTiles('roads'),
      filter: NOT_PATH,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.roadCasing, 'line-width': widthBy(CASING_EXTRA_PX) },
    },
    {
      id: 'roads-line',
      type: 'line',
      ...fromTiles('roads'),
      filter: NOT_PATH,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': roadColor(p), 'line-width': widthBy(0) },
    },
    {
      // Footpaths apart: a dash pattern that depends on the feature would put every road
      // through the slower dashed-line shader.
      id: 'roads-path',
      type: 'line',
      ...fromTiles('roads'),
      filter: ['==', ['get', 'class'], 'path'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.muted, 'line-width': widthBy(0), 'line-dasharray': PATH_DASH },
    },
  ],
  labels: () => [],
  legend: [
    {
      label: t.legend.majorRoads,
      symbol: { kind: 'line', color: BASE.roadMajor, widthPx: 4, casing: BASE.roadCasing },
    },
    {
      label: t.legend.minorRoads,
      symbol: { kind: 'line', color: BASE.roadMinor, widthPx: 2.5, casing: BASE.roadCasing },
    },
    {
      label: t.enums.roadClass.path,
      symbol: { kind: 'line', color: BASE.muted, widthPx: 1.5, dashed: true },
    },
  ],
};
