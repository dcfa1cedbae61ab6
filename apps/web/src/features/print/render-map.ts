import { Map as MapLibreMap } from 'maplibre-gl';
import type { LngLatBoundsLike, Map as LiveMap } from 'maplibre-gl';
import { LOCAL_FONT_FAMILY_CSS } from '../../map/fonts.ts';
import { addMarkerImages } from '../../map/markers.ts';
import { CSS_PX_PER_INCH } from './paper.ts';

// Draws the live map's current extent again, off screen, at the print size and DPI: the
// same style and data (the same tiles and overlays as the live map), every symbol
// sharp at the chosen resolution. Resolves with the rendered canvas.

const RENDER_TIMEOUT_MS = 60_000;

export function renderMap(
  live: LiveMap,
  widthCssPx: number,
  heightCssPx: number,
  dpi: number,
): Promise<{
  canvas: HTMLCanvasElement;
  map: MapLibreMap;
  dispose: () => void;
}> {
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${widthCssPx}px`,
    height: `${heightCssPx}px`,
  });
  document.body.appendChild(container);
  const b = live.getBounds();
  const bounds: LngLatBoundsLike = [
    [b.getWest(), b.getSouth()],
    [b.getEast(), b.getNorth()],
  ];
  const map = new MapLibreMap({
    container,
    style: live.getStyle(),
    bounds,
    bearing: live.getBearing(),
    pixelRatio: dpi / CSS_PX_PER_INCH,
    interactive: false,
    fadeDuration: 0,
    attributionControl: false,
    localIdeographFontFamily: LOCAL_FONT_FAMILY_CSS,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.setMissingStyleImageResolver(() => addMarkerImages(map));
  const dispose = () => {
    map.remove();
    container.remove();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      dispose();
      reject(
        new Error(`the print map did not finish drawing within ${RENDER_TIMEOUT_MS / 1000} s`),
      );
    }, RENDER_TIMEOUT_MS);
    map.once('load', () => addMarkerImages(map));
    map.once('idle', () => {
      clearTimeout(timer);
      resolve({ canvas: map.getCanvas(), map, dispose });
    });
    map.on('error', (e) => {
      clearTimeout(timer);
      dispose();
      reject(e.error instanceof Error ? e.error : new Error(String(e.error)));
    });
  });
}
