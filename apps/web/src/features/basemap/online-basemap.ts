import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LAYER_PREFIX, basemapBeforeId } from '../../map/index.ts';

// The opt-in online basemap: a raster source from a URL template the user typed (天地图
// `_w` Web-Mercator WMTS, or any XYZ server). Off by default, and nothing here knows a
// remote address: with it off, the map asks nothing of any other machine.
// 天地图 serves CGCS2000, which matches our WGS84 data to well under a metre, so overlays
// stay aligned without any shift.

export const ONLINE_SOURCE_ID = 'online-basemap';
export const ONLINE_LAYER_ID = `${BASEMAP_LAYER_PREFIX}online`;
const TILE_SIZE_PX = 256;
const MAX_NATIVE_ZOOM = 18;

export type OnlineBasemap = { enabled: boolean; template: string; tk: string };
export const ONLINE_OFF: OnlineBasemap = { enabled: false, template: '', tk: '' };

/** A usable template: http(s), with {z}, {x} and {y}; returns the URL with {tk} filled. */
export function tileUrl(setting: OnlineBasemap): string | null {
  const url = setting.template.trim().replaceAll('{tk}', encodeURIComponent(setting.tk.trim()));
  if (!/^https?:\/\//i.test(url)) return null;
  if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return null;
  return url;
}

/** {s} in a template stands for the subdomains 0–7 that 天地图 spreads tiles over. */
const SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];
function expand(url: string): string[] {
  return url.includes('{s}') ? SUBDOMAINS.map((s) => url.replace('{s}', s)) : [url];
}

export function applyOnlineBasemap(map: MapLibreMap, setting: OnlineBasemap): void {
  if (map.getLayer(ONLINE_LAYER_ID)) map.removeLayer(ONLINE_LAYER_ID);
  if (map.getSource(ONLINE_SOURCE_ID)) map.removeSource(ONLINE_SOURCE_ID);
  const url = setting.enabled ? tileUrl(setting) : null;
  if (!url) return;
  map.addSource(ONLINE_SOURCE_ID, {
    type: 'raster',
    tiles: expand(url),
    tileSize: TILE_SIZE_PX,
    maxzoom: MAX_NATIVE_ZOOM,
  });
  // Above the background and the bureau's own basemap: every atlas layer stays on top of it.
  map.addLayer(
    { id: ONLINE_LAYER_ID, type: 'raster', source: ONLINE_SOURCE_ID },
    basemapBeforeId(map),
  );
}

const STORAGE_KEY = 'atlas.onlineBasemap';

/** The saved setting; it is never turned on by loading: the user switches it on each session. */
export function loadOnlineSetting(): OnlineBasemap {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const saved = raw ? (JSON.parse(raw) as Partial<OnlineBasemap>) : {};
    return {
      enabled: false,
      template: typeof saved.template === 'string' ? saved.template : '',
      tk: typeof saved.tk === 'string' ? saved.tk : '',
    };
  } catch {
    return ONLINE_OFF;
  }
}

export function saveOnlineSetting(setting: OnlineBasemap): void {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ template: setting.template, tk: setting.tk }),
    );
  } catch {
    // Private windows may refuse storage; the setting then lasts for this page only.
  }
}
