import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LOCAL_FONT_STACK } from '../fonts.ts';
import { OKABE_ITO } from '../palette.ts';
import type { Palette } from '../palette.ts';

// The selected school's dossier on the map: its perimeter safety zones as rings at each rule
// distance (labelled with the distance), a line from the campus to each finding's target
// labelled with the measured distance, a bold outline round the campus and its gates
// (black = main gate, grey = other gates; the tiles carry no gates).
// Status is told by colour AND dash, so it reads in greyscale too:
//   violation ━━━ vermillion solid · borderline ─ ─ orange long dash · monitor ··· blue dots

export const DOSSIER_SOURCES = {
  zones: 'dossier-zones',
  links: 'dossier-links',
  focus: 'dossier-focus',
  gates: 'dossier-gates',
} as const;

export const ZONE_LAYER_IDS = ['dossier-zones-line', 'dossier-zones-label'] as const;
export const DOSSIER_LAYER_IDS = [
  'dossier-focus-line',
  'dossier-gates',
  'dossier-links-line',
  'dossier-links-label',
] as const;

export const STATUS_COLORS = {
  violation: OKABE_ITO.vermillion,
  borderline: OKABE_ITO.orange,
  monitor: OKABE_ITO.blue,
  clear: OKABE_ITO.bluishGreen,
} as const;
export const STATUS_DASH = {
  violation: [1, 0],
  borderline: [4, 2],
  monitor: [1, 1.5],
  clear: [1, 3],
} as const;

const ZONE_COLOR = OKABE_ITO.reddishPurple;
const LINK_WIDTH_PX = 2.5;
const ZONE_WIDTH_PX = 2;
const FOCUS_WIDTH_PX = 4;
const LABEL_TEXT_PX = 12;
const GATE_RADIUS_PX = 4;
export const GATE_MAIN = '#000000';
export const GATE_OTHER = '#7a7a7a';

const empty = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

export function dossierSources(): Record<string, SourceSpecification> {
  return Object.fromEntries(Object.values(DOSSIER_SOURCES).map((id) => [id, empty()]));
}

const byStatus = <T>(values: Record<keyof typeof STATUS_COLORS, T>) =>
  [
    'match',
    ['get', 'status'],
    'violation',
    values.violation,
    'borderline',
    values.borderline,
    'monitor',
    values.monitor,
    values.clear,
  ] as never;

/** A line told by status in colour AND dash, so it reads in greyscale too (dossier, audit layer). */
export function statusLinePaint(widthPx: number) {
  return {
    'line-color': byStatus(STATUS_COLORS),
    'line-width': widthPx,
    'line-dasharray': byStatus({
      violation: ['literal', STATUS_DASH.violation],
      borderline: ['literal', STATUS_DASH.borderline],
      monitor: ['literal', STATUS_DASH.monitor],
      clear: ['literal', STATUS_DASH.clear],
    }),
  };
}

export function dossierLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: 'dossier-zones-line',
      type: 'line',
      source: DOSSIER_SOURCES.zones,
      paint: { 'line-color': ZONE_COLOR, 'line-width': ZONE_WIDTH_PX, 'line-dasharray': [3, 2] },
    },
    {
      id: 'dossier-focus-line',
      type: 'line',
      source: DOSSIER_SOURCES.focus,
      paint: { 'line-color': OKABE_ITO.blue, 'line-width': FOCUS_WIDTH_PX, 'line-opacity': 0.8 },
    },
    {
      id: 'dossier-links-line',
      type: 'line',
      source: DOSSIER_SOURCES.links,
      layout: { 'line-cap': 'round' },
      paint: statusLinePaint(LINK_WIDTH_PX),
    },
    {
      id: 'dossier-gates',
      type: 'circle',
      source: DOSSIER_SOURCES.gates,
      paint: {
        'circle-radius': GATE_RADIUS_PX,
        'circle-color': ['match', ['get', 'kind'], 'main', GATE_MAIN, GATE_OTHER],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'dossier-zones-label',
      type: 'symbol',
      source: DOSSIER_SOURCES.zones,
      layout: {
        'symbol-placement': 'line',
        // Upright and horizontal: along a vertical stretch CJK text would read letter by letter.
        'text-rotation-alignment': 'viewport',
        'text-field': ['get', 'label'],
        'text-font': LOCAL_FONT_STACK,
        'text-size': LABEL_TEXT_PX,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': ZONE_COLOR, 'text-halo-color': p.halo, 'text-halo-width': 2 },
    },
    {
      id: 'dossier-links-label',
      type: 'symbol',
      source: DOSSIER_SOURCES.links,
      layout: {
        'symbol-placement': 'line-center',
        'text-rotation-alignment': 'viewport',
        'text-field': ['get', 'label'],
        'text-font': LOCAL_FONT_STACK,
        'text-size': LABEL_TEXT_PX,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': p.ink, 'text-halo-color': p.halo, 'text-halo-width': 2 },
    },
  ];
}
