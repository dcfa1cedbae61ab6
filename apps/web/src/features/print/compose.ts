import type { Map as MapLibreMap } from 'maplibre-gl';
import { geodesicDistanceM } from '@atlas/geo';
import { t } from '../../i18n/index.ts';
import { LOCAL_FONT_FAMILY_CSS } from '../../map/fonts.ts';
import { markerSpecs, drawMarker } from '../../map/markers.ts';
import type { LegendItem } from '../../map/index.ts';
import { niceLengthM } from './paper.ts';

// The printed page, drawn on one canvas at the print DPI:
//
//   ┌──────────────────────────────────────────┐
//   │ Title                                     │
//   │ ┌──────────────────────────┐ ┌─────────┐ │
//   │ │                      ▲北 │ │ legend  │ │
//   │ │          map             │ │         │ │
//   │ │ 0──500 米                │ │         │ │
//   │ └──────────────────────────┘ └─────────┘ │
//   │ 制图日期 · 数据来源                        │
//   └──────────────────────────────────────────┘
// All sizes below are in millimetres on paper, turned into pixels with `px`.

export const MARGIN_MM = 10;
export const TITLE_MM = 12;
export const FOOTER_MM = 10;
export const LEGEND_MM = 55;
const GAP_MM = 4;
const TITLE_FONT_MM = 6;
const TEXT_FONT_MM = 3;
const LEGEND_ROW_MM = 6;
const SWATCH_MM = 4.5;
const SCALE_MAX_MM = 40;
const NORTH_MM = 10;

export type PageLayout = { pageMm: [number, number]; mapMm: [number, number]; withLegend: boolean };

export function layoutPage(pageMm: [number, number], withLegend: boolean): PageLayout {
  const [w, h] = pageMm;
  const mapW = w - 2 * MARGIN_MM - (withLegend ? LEGEND_MM + GAP_MM : 0);
  const mapH = h - 2 * MARGIN_MM - TITLE_MM - FOOTER_MM;
  return { pageMm, mapMm: [mapW, mapH], withLegend };
}

export type PageText = { title: string; date: string; sources: string };

export function composePage(
  layout: PageLayout,
  dpi: number,
  mapCanvas: HTMLCanvasElement,
  map: MapLibreMap,
  legend: readonly LegendItem[],
  text: PageText,
): HTMLCanvasElement {
  const px = (mm: number) => (mm / 25.4) * dpi;
  const [pw, ph] = layout.pageMm;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(px(pw));
  canvas.height = Math.round(px(ph));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('composePage needs a 2D canvas context');
  const font = (mm: number, bold = false) =>
    `${bold ? 'bold ' : ''}${px(mm)}px ${LOCAL_FONT_FAMILY_CSS}`;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  // Title
  ctx.fillStyle = '#000000';
  ctx.font = font(TITLE_FONT_MM, true);
  ctx.textBaseline = 'middle';
  ctx.fillText(text.title, px(MARGIN_MM), px(MARGIN_MM + TITLE_MM / 2));

  // Map with frame
  const [mx, my] = [MARGIN_MM, MARGIN_MM + TITLE_MM];
  const [mw, mh] = layout.mapMm;
  ctx.drawImage(mapCanvas, px(mx), px(my), px(mw), px(mh));
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = px(0.3);
  ctx.strokeRect(px(mx), px(my), px(mw), px(mh));

  drawNorthArrow(ctx, px, mx + mw - NORTH_MM, my + 3, map.getBearing(), font);
  drawScaleBar(ctx, px, map, mx + 4, my + mh - 6, mw, font);
  if (layout.withLegend) drawLegend(ctx, px, mx + mw + GAP_MM, my, legend, font);

  // Footer
  ctx.fillStyle = '#000000';
  ctx.font = font(TEXT_FONT_MM);
  ctx.textBaseline = 'middle';
  ctx.fillText(
    `${text.date}\u3000${text.sources}`,
    px(MARGIN_MM),
    px(ph - MARGIN_MM - FOOTER_MM / 2),
  );
  return canvas;
}

type Px = (mm: number) => number;
type Font = (mm: number, bold?: boolean) => string;

function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  px: Px,
  xMm: number,
  yMm: number,
  bearing: number,
  font: Font,
) {
  const cx = px(xMm + NORTH_MM / 2);
  const cy = px(yMm + NORTH_MM / 2 + 2);
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  const r = px(NORTH_MM / 2);
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.45, r * 0.6);
  ctx.lineTo(0, r * 0.3);
  ctx.lineTo(-r * 0.45, r * 0.6);
  ctx.closePath();
  ctx.fillStyle = '#000000';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = px(0.6);
  ctx.stroke();
  ctx.fill();
  ctx.font = font(TEXT_FONT_MM, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = px(0.8);
  ctx.strokeText(t.print.north, 0, -r);
  ctx.fillText(t.print.north, 0, -r);
  ctx.restore();
}

function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  px: Px,
  map: MapLibreMap,
  xMm: number,
  yMm: number,
  mapWMm: number,
  font: Font,
) {
  // Metres across SCALE_MAX_MM of paper, measured on the ellipsoid at the map's centre.
  const container = map.getContainer();
  const cssPerMm = container.clientWidth / mapWMm;
  const mid = { x: container.clientWidth / 2, y: container.clientHeight / 2 };
  const a = map.unproject([mid.x, mid.y]);
  const b = map.unproject([mid.x + SCALE_MAX_MM * cssPerMm, mid.y]);
  const maxM = geodesicDistanceM([a.lng, a.lat], [b.lng, b.lat]);
  const lengthM = niceLengthM(maxM);
  const barMm = (SCALE_MAX_MM * lengthM) / maxM;
  const label = lengthM >= 1000 ? `${lengthM / 1000} 千米` : `${lengthM} 米`;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(px(xMm - 1), px(yMm - 4), px(barMm + 2 + 18), px(6));
  ctx.fillStyle = '#000000';
  ctx.fillRect(px(xMm), px(yMm), px(barMm), px(0.8));
  ctx.fillRect(px(xMm), px(yMm - 1.5), px(0.4), px(2.3));
  ctx.fillRect(px(xMm + barMm - 0.4), px(yMm - 1.5), px(0.4), px(2.3));
  ctx.font = font(TEXT_FONT_MM);
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(`0\u3000${label}`, px(xMm + 1), px(yMm - 0.3));
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  px: Px,
  xMm: number,
  yMm: number,
  legend: readonly LegendItem[],
  font: Font,
) {
  ctx.fillStyle = '#000000';
  ctx.font = font(TEXT_FONT_MM + 0.5, true);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(t.print.legend, px(xMm), px(yMm + 3));
  const specs = markerSpecs();
  legend.forEach((item, i) => {
    const y = yMm + 9 + i * LEGEND_ROW_MM;
    const s = item.symbol;
    const [sx, sy, sw] = [px(xMm), px(y - SWATCH_MM / 2), px(SWATCH_MM)];
    if (s.kind === 'marker') {
      const spec = specs[s.marker];
      if (spec) ctx.drawImage(drawMarker(spec), sx, sy, sw, sw);
    } else if (s.kind === 'fill') {
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.fillStyle = s.color;
      ctx.fillRect(sx, sy, sw, sw);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = s.outline;
      ctx.lineWidth = px(0.3);
      ctx.setLineDash(s.dashed ? [px(1), px(0.6)] : []);
      ctx.strokeRect(sx, sy, sw, sw);
      ctx.setLineDash([]);
    } else if (s.kind === 'line') {
      if (s.casing) {
        ctx.strokeStyle = s.casing;
        ctx.lineWidth = px(0.35 * (s.widthPx + 2));
        ctx.beginPath();
        ctx.moveTo(sx, px(y));
        ctx.lineTo(sx + sw, px(y));
        ctx.stroke();
      }
      ctx.strokeStyle = s.color;
      ctx.lineWidth = px(0.35 * s.widthPx);
      ctx.setLineDash(s.dashed ? [px(1), px(0.6)] : []);
      ctx.beginPath();
      ctx.moveTo(sx, px(y));
      ctx.lineTo(sx + sw, px(y));
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = s.color;
      ctx.strokeStyle = s.stroke;
      ctx.beginPath();
      ctx.arc(sx + sw / 2, px(y), sw / 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = '#000000';
    ctx.font = font(TEXT_FONT_MM);
    ctx.fillText(item.label, sx + sw + px(2), px(y));
  });
}
