import type { LayerFeature } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import { mapFeature } from '../layer-group.ts';
import type { LayerGroup } from '../layer-group.ts';
import { SCHOOL_MARKER_ID } from '../markers.ts';

// Schools: a house marker with 校 and the school's name, the campus outline from
// properties.campus, and each gate from properties.gates (black = main, grey = other gates).
// Campus and gate features carry the school's id, so clicking them opens the school.

const CAMPUS_SOURCE = 'schools-campus';
const GATE_SOURCE = 'schools-gates';
const CAMPUS_LINE = '#1a1a1a';
const GATE_MAIN = '#000000';
const GATE_OTHER = '#7a7a7a';
const GATE_RADIUS_PX = 4;
const CAMPUS_FILL_OPACITY = 0.5;
const NAME_TEXT_PX = 13;
const NAME_OFFSET_EM = 1.4;

/** Name, and what the district filters test: school type and admin code. */
const filterProps = (f: LayerFeature<'schools'>) => ({
  name: f.properties.name,
  type: f.properties.type,
  adminCode: f.properties.adminCode,
});

export const schools: LayerGroup<'schools'> = {
  layer: 'schools',
  sourceIds: ['schools', CAMPUS_SOURCE, GATE_SOURCE],
  toSources: (features) => ({
    schools: features.map((f) => mapFeature(f.id, f.geometry, filterProps(f))),
    [CAMPUS_SOURCE]: features.flatMap((f) =>
      f.properties.campus ? [mapFeature(f.id, f.properties.campus, filterProps(f))] : [],
    ),
    [GATE_SOURCE]: features.flatMap((f) =>
      f.properties.gates.map((g) =>
        mapFeature(
          f.id,
          { type: 'Point', coordinates: g.position },
          { ...filterProps(f), gateId: g.id, kind: g.kind },
        ),
      ),
    ),
  }),
  layers: (p) => [
    {
      id: 'schools-campus-fill',
      type: 'fill',
      source: CAMPUS_SOURCE,
      paint: { 'fill-color': p.campusFill, 'fill-opacity': CAMPUS_FILL_OPACITY },
    },
    {
      id: 'schools-campus-outline',
      type: 'line',
      source: CAMPUS_SOURCE,
      paint: { 'line-color': p.campusLine, 'line-width': 1.5 },
    },
    {
      id: 'schools-gate',
      type: 'circle',
      source: GATE_SOURCE,
      paint: {
        'circle-radius': GATE_RADIUS_PX,
        'circle-color': ['match', ['get', 'kind'], 'main', GATE_MAIN, GATE_OTHER],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'schools-point',
      type: 'symbol',
      source: 'schools',
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
      source: 'schools',
      layout: {
        'text-field': ['get', 'name'],
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
