import type { Map as MapLibreMap } from 'maplibre-gl';
import { PROHIBITED_GROUPS } from '@atlas/model';
import { t } from '../i18n/index.ts';
import { LOCAL_FONT_FAMILY_CSS } from './fonts.ts';
import { BASE, OKABE_ITO } from './palette.ts';

// Point markers drawn to a canvas and registered with map.addImage: no sprite file, no request.
// The five prohibited store groups differ three ways at once — Okabe–Ito colour, outline
// shape and a character inside — so they stay apart for colour-blind readers and in greyscale.
//
//   网 ●  circle   blue           彩 ◆ diamond  yellow (light)   烟 ■ square  vermillion
//   成 ⬢  hexagon  reddish purple  酒 ▼ triangle down, bluish green
//   隐患 ▲ triangle orange with "!"  学校 ⌂ house, white          其他门店 • small grey dot

export type MarkerShape =
  'circle' | 'square' | 'diamond' | 'hexagon' | 'triangle' | 'triangleDown' | 'house';

export type MarkerSpec = {
  shape: MarkerShape;
  fill: string;
  glyph: string | null;
  sizePx: number;
};

/** Canvas pixels per CSS pixel for marker images; sharp on high-density screens. */
export const MARKER_PIXEL_RATIO = 2;
const STORE_MARKER_SIZE_PX = 22;
/** Triangles cover half their box, so they are drawn larger to weigh the same as the rest. */
const TRIANGLE_SCALE = 1.25;
const OTHER_STORE_MARKER_SIZE_PX = 11;
const HAZARD_MARKER_SIZE_PX = 26;
const SCHOOL_MARKER_SIZE_PX = 26;
const HALO_WIDTH_PX = 3;
const OUTLINE_WIDTH_PX = 1.2;
const GLYPH_SIZE_RATIO = 0.5;
const OUTLINE_COLOR = '#1a1a1a';

export type StoreGroup = keyof typeof PROHIBITED_GROUPS | 'other';
export const STORE_GROUPS = [...Object.keys(PROHIBITED_GROUPS), 'other'] as StoreGroup[];

const STORE_STYLE: Record<StoreGroup, Pick<MarkerSpec, 'shape' | 'fill'>> = {
  internet_entertainment: { shape: 'circle', fill: OKABE_ITO.blue },
  lottery: { shape: 'diamond', fill: OKABE_ITO.yellow },
  tobacco: { shape: 'square', fill: OKABE_ITO.vermillion },
  adult: { shape: 'hexagon', fill: OKABE_ITO.reddishPurple },
  liquor: { shape: 'triangleDown', fill: OKABE_ITO.bluishGreen },
  other: { shape: 'circle', fill: BASE.otherStore },
};

export const storeMarkerId = (group: StoreGroup) => `store-${group}`;
export const HAZARD_MARKER_ID = 'hazard';
export const SCHOOL_MARKER_ID = 'school';

export function markerSpecs(): Record<string, MarkerSpec> {
  const specs: Record<string, MarkerSpec> = {};
  for (const group of STORE_GROUPS) {
    const other = group === 'other';
    specs[storeMarkerId(group)] = {
      ...STORE_STYLE[group],
      glyph: other ? null : t.markerGlyphs[group],
      sizePx: other
        ? OTHER_STORE_MARKER_SIZE_PX
        : STORE_MARKER_SIZE_PX * (STORE_STYLE[group].shape === 'triangleDown' ? TRIANGLE_SCALE : 1),
    };
  }
  specs[HAZARD_MARKER_ID] = {
    shape: 'triangle',
    fill: OKABE_ITO.orange,
    glyph: t.markerGlyphs.hazard,
    sizePx: HAZARD_MARKER_SIZE_PX,
  };
  specs[SCHOOL_MARKER_ID] = {
    shape: 'house',
    fill: '#ffffff',
    glyph: t.markerGlyphs.school,
    sizePx: SCHOOL_MARKER_SIZE_PX,
  };
  return specs;
}

/** Outline of a shape inside a square of side s, as points; null for the circle. */
function outline(shape: MarkerShape, s: number): [number, number][] | null {
  const m = s / 2;
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return [
        [s * 0.1, s * 0.1],
        [s * 0.9, s * 0.1],
        [s * 0.9, s * 0.9],
        [s * 0.1, s * 0.9],
      ];
    case 'diamond':
      return [
        [m, 0],
        [s, m],
        [m, s],
        [0, m],
      ];
    case 'hexagon':
      return Array.from({ length: 6 }, (_, i): [number, number] => {
        const a = (Math.PI / 3) * i;
        return [m + m * Math.cos(a), m + m * Math.sin(a)];
      });
    case 'triangle':
      return [
        [m, 0],
        [s, s * 0.92],
        [0, s * 0.92],
      ];
    case 'triangleDown':
      return [
        [0, s * 0.08],
        [s, s * 0.08],
        [m, s],
      ];
    case 'house':
      return [
        [m, 0],
        [s, s * 0.4],
        [s, s],
        [0, s],
        [0, s * 0.4],
      ];
  }
}

/** WCAG relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Black or white, whichever contrasts more with the fill (WCAG contrast ratio). */
export function glyphColorOn(fill: string): '#000000' | '#ffffff' {
  const l = luminance(fill);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

/** Where the glyph sits, as a fraction of the side: triangles carry it toward their wide end. */
const GLYPH_CENTRE_Y: Record<MarkerShape, number> = {
  circle: 0.5,
  square: 0.5,
  diamond: 0.5,
  hexagon: 0.5,
  triangle: 0.64,
  triangleDown: 0.38,
  house: 0.64,
};

export function drawMarker(spec: MarkerSpec, pixelRatio = MARKER_PIXEL_RATIO): HTMLCanvasElement {
  const pad = HALO_WIDTH_PX * pixelRatio;
  const s = spec.sizePx * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = s + 2 * pad;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('drawMarker needs a 2D canvas context');
  ctx.translate(pad, pad);
  ctx.beginPath();
  const points = outline(spec.shape, s);
  if (points) {
    points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  } else {
    ctx.arc(s / 2, s / 2, s / 2, 0, 2 * Math.PI);
  }
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = HALO_WIDTH_PX * pixelRatio;
  ctx.stroke();
  ctx.fillStyle = spec.fill;
  ctx.fill();
  ctx.strokeStyle = OUTLINE_COLOR;
  ctx.lineWidth = OUTLINE_WIDTH_PX * pixelRatio;
  ctx.stroke();
  if (spec.glyph) {
    ctx.fillStyle = glyphColorOn(spec.fill);
    ctx.font = `bold ${Math.round(s * GLYPH_SIZE_RATIO)}px ${LOCAL_FONT_FAMILY_CSS}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.glyph, s / 2, s * GLYPH_CENTRE_Y[spec.shape]);
  }
  return canvas;
}

/** Registers every marker image with the map; call once the style has loaded. */
export function addMarkerImages(map: MapLibreMap): void {
  for (const [id, spec] of Object.entries(markerSpecs())) {
    if (map.hasImage(id)) continue;
    const canvas = drawMarker(spec);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('addMarkerImages needs a 2D canvas context');
    map.addImage(id, ctx.getImageData(0, 0, canvas.width, canvas.height), {
      pixelRatio: MARKER_PIXEL_RATIO,
    });
  }
}

export type MarkerImage = { url: string; sizePx: number };
const images = new Map<string, MarkerImage>();

/** The marker as a PNG data URL with its size in CSS pixels, for the legend; drawn once. */
export function markerImage(id: string): MarkerImage {
  const cached = images.get(id);
  if (cached) return cached;
  const spec = markerSpecs()[id];
  if (!spec) throw new Error(`markerImage: no marker named ${id}; expected one of markerSpecs()`);
  const canvas = drawMarker(spec);
  const image = { url: canvas.toDataURL('image/png'), sizePx: canvas.width / MARKER_PIXEL_RATIO };
  images.set(id, image);
  return image;
}
