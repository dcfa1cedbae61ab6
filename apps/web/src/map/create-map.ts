import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { t } from '../i18n/index.ts';
import { LOCAL_FONT_FAMILY_CSS } from './fonts.ts';
import { addMarkerImages } from './markers.ts';
import { buildStyle } from './style.ts';
import { pointToBundledWorker } from './worker.ts';

// Makes the map: our style, Chinese control labels, zoom buttons with north reset, a metric
// scale bar. Keyboard: the map canvas takes focus (Tab) and then arrows pan, +/− zoom.

/** Where the map looks before the data bounds are known: the middle of China. */
const INITIAL_CENTER: [number, number] = [105, 35];
const INITIAL_ZOOM = 3;
const SCALE_MAX_WIDTH_PX = 120;
/** Closest zoom: a few metres per pixel is enough to check a school gate's surroundings. */
const MAX_ZOOM = 20;

export function createMap(container: HTMLElement): MapLibreMap {
  pointToBundledWorker();
  const map = new MapLibreMap({
    container,
    style: buildStyle(window.location.origin),
    center: INITIAL_CENTER,
    zoom: INITIAL_ZOOM,
    maxZoom: MAX_ZOOM,
    localIdeographFontFamily: LOCAL_FONT_FAMILY_CSS,
    locale: t.mapControls,
    attributionControl: false,
    maplibreLogo: false,
  });
  map.addControl(new NavigationControl({ showCompass: true, showZoom: true }), 'top-right');
  map.addControl(
    new ScaleControl({ maxWidth: SCALE_MAX_WIDTH_PX, unit: 'metric' }),
    'bottom-right',
  );
  map.on('load', () => addMarkerImages(map));
  // Tiles may ask for a marker before 'load' has registered them (or after a style reset):
  // MapLibre waits for the resolver before it treats the image as missing.
  map.setMissingStyleImageResolver(() => addMarkerImages(map));
  return map;
}
