// Templates for 天地图's Web-Mercator (`_w`) WMTS layers. This module is loaded only when the
// user opens the online basemap setting (a dynamic import), so the default code path holds
// no remote address. {s} is a subdomain 0–7, {tk} the user's own key.

export type Preset = { id: string; label: string; template: string };

const tianditu = (layer: string) =>
  `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
  `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
  `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}`;

export const PRESETS: Preset[] = [
  { id: 'tdt-vec', label: '天地图 矢量底图 (vec_w)', template: tianditu('vec') },
  { id: 'tdt-img', label: '天地图 影像底图 (img_w)', template: tianditu('img') },
  { id: 'tdt-ter', label: '天地图 地形晕渲 (ter_w)', template: tianditu('ter') },
];
