import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Palette } from '../palette.ts';
import { fromTiles, IS_SINGLE } from '../tile-source.ts';

// Findings per township or per school as a choropleth, drawn from the atlas tiles: the
// `admin_areas` townships and the `schools` points. One style layer per class, whose
// filter lists the codes (townships) or ids (schools) in that class, so the colours are
// static paint (a theme switch keeps them) and nothing is fetched whole. A sequential
// single-hue ramp (light to dark blue-purple) keeps its order in grey and for every
// colour-vision deficiency.
//
//   class:   1–2   3–5   6–9   10–19   20+      findings
//   colour:  ░     ▒     ▓     █       █ (darkest)

/** Class breaks (findings, lower bound of each class) and their colours. */
export const CHOROPLETH_CLASSES: readonly { min: number; color: string }[] = [
  { min: 1, color: '#dadaeb' },
  { min: 3, color: '#bcbddc' },
  { min: 6, color: '#9e9ac8' },
  { min: 10, color: '#756bb1' },
  { min: 20, color: '#54278f' },
];
const TOWNSHIP_OPACITY = 0.55;
const SCHOOL_OPACITY = 0.9;
/** A school's disc behind its 校 marker (the marker is ~22 px tall), a ring showing round it. */
const SCHOOL_RADIUS_PX = 20;
const OUTLINE = '#54278f';
const TOWNSHIP_LEVEL = 'township';

export const TOWNSHIP_CHOROPLETH_IDS = CHOROPLETH_CLASSES.map((_, i) => `choropleth-township-${i}`);
export const SCHOOL_CHOROPLETH_IDS = CHOROPLETH_CLASSES.map((_, i) => `choropleth-school-${i}`);

/** The class of a count (index into CHOROPLETH_CLASSES), or -1 for none (0 findings). */
export function classOf(count: number): number {
  let found = -1;
  CHOROPLETH_CLASSES.forEach((c, i) => {
    if (count >= c.min) found = i;
  });
  return found;
}

/** Keys (codes or ids) per class, from counts per key. */
export function keysByClass(counts: ReadonlyMap<string, number>): string[][] {
  const out: string[][] = CHOROPLETH_CLASSES.map(() => []);
  for (const [key, count] of counts) {
    const i = classOf(count);
    if (i >= 0) out[i]!.push(key);
  }
  return out;
}

/** The filter of one class's township layer: townships whose code is listed. */
export const townshipClassFilter = (codes: readonly string[]): FilterSpecification => [
  'all',
  ['==', ['get', 'level'], TOWNSHIP_LEVEL],
  ['in', ['get', 'code'], ['literal', [...codes]]],
];

/** The filter of one class's school layer: single schools (not cells) whose id is listed. */
export const schoolClassFilter = (ids: readonly string[]): FilterSpecification => [
  'all',
  IS_SINGLE,
  ['in', ['get', 'id'], ['literal', [...ids]]],
];

export function choroplethLayers(_p: Palette): LayerSpecification[] {
  return CHOROPLETH_CLASSES.map((c, i): LayerSpecification => ({
    id: TOWNSHIP_CHOROPLETH_IDS[i]!,
    type: 'fill',
    ...fromTiles('admin_areas'),
    filter: townshipClassFilter([]),
    layout: { visibility: 'none' },
    paint: {
      'fill-color': c.color,
      'fill-opacity': TOWNSHIP_OPACITY,
      'fill-outline-color': OUTLINE,
    },
  }));
}

/** Discs behind the school markers: drawn above the base layers, below the schools. */
export function schoolChoroplethLayers(_p: Palette): LayerSpecification[] {
  return CHOROPLETH_CLASSES.map((c, i): LayerSpecification => ({
    id: SCHOOL_CHOROPLETH_IDS[i]!,
    type: 'circle',
    ...fromTiles('schools'),
    filter: schoolClassFilter([]),
    layout: { visibility: 'none' },
    paint: {
      'circle-color': c.color,
      'circle-opacity': SCHOOL_OPACITY,
      'circle-radius': SCHOOL_RADIUS_PX,
      'circle-stroke-color': OUTLINE,
      'circle-stroke-width': 1,
    },
  }));
}
