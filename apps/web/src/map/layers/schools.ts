import type { ExpressionSpecification } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import type { LayerGroup } from '../layer-group.ts';
import { SCHOOL_MARKER_ID } from '../markers.ts';
import { GATE_MAIN } from '../overlays/dossier.ts';
import { fromTiles, isGeometry, IS_SINGLE } from '../tile-source.ts';
import { markerCells } from './cells.ts';

// Schools: a house marker with 校 and the school's name, and from the campus zoom the
// campus outline (the tiles' `campuses` layer, carrying the school's id, so clicking it
// opens the school). Below the school detail zoom the tiles merge schools into grid cells:
// drawn as the house marker with how many schools it stands for. Gates are not in the
// tiles: the selected school's gates are drawn by its dossier (../overlays/dossier.ts).

const CAMPUS_LINE = '#1a1a1a';
const CAMPUS_FILL_OPACITY = 0.5;
const NAME_TEXT_PX = 13;
const NAME_OFFSET_EM = 1.4;
/**
 * Names from this zoom. Below it a city's tiles hold ~2,000 schools each: a few dozen names
 * find room, yet a software-WebGL browser redraws every candidate's glyphs each frame.
 */
const NAME_MIN_ZOOM = 12;

/** What each filterable school layer draws; the district filters are added to it. */
export const SCHOOL_BASE_FILTERS: Record<string, ExpressionSpecification> = {
  'schools-campus-fill': isGeometry('Polygon'),
  'schools-campus-outline': isGeometry('Polygon'),
  'schools-point': IS_SINGLE,
  'schools-label': IS_SINGLE,
};

export const schools: LayerGroup<'schools'> = {
  layer: 'schools',
  sourceLayers: ['schools', 'campuses'],
  layers: (p) => [
    {
      id: 'schools-campus-fill',
      type: 'fill',
      ...fromTiles('campuses'),
      filter: isGeometry('Polygon'),
      paint: { 'fill-color': p.campusFill, 'fill-opacity': CAMPUS_FILL_OPACITY },
    },
    {
      id: 'schools-campus-outline',
      type: 'line',
      ...fromTiles('campuses'),
      filter: isGeometry('Polygon'),
      paint: { 'line-color': p.campusLine, 'line-width': 1.5 },
    },
    markerCells('schools-cell', 'schools', SCHOOL_MARKER_ID, p.ink, p.halo),
    {
      id: 'schools-point',
      type: 'symbol',
      ...fromTiles('schools'),
      filter: IS_SINGLE,
      layout: {
        'icon-image': SCHOOL_MARKER_ID,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ],
  labels: (p) => [
    {
      id: 'schools-label',
      type: 'symbol',
      ...fromTiles('schools'),
      filter: IS_SINGLE,
      minzoom: NAME_MIN_ZOOM,
      layout: {
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': LOCAL_FONT_STACK,
        'text-size': NAME_TEXT_PX,
        'text-offset': [0, NAME_OFFSET_EM],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': p.ink, 'text-halo-color': p.halo, 'text-halo-width': 1.5 },
    },
  ],
  legend: [
    { label: t.legend.school, symbol: { kind: 'marker', marker: SCHOOL_MARKER_ID } },
    { label: t.legend.campus, symbol: { kind: 'fill', color: '#ffffff', outline: CAMPUS_LINE } },
    { label: t.legend.gate, symbol: { kind: 'circle', color: GATE_MAIN, stroke: '#ffffff' } },
  ],
};
