import type { Map as MapLibreMap } from 'maplibre-gl';

// When did the atlas first draw its map? Installed in a page before its own scripts
// (page.addInitScript(watchFirstDraw)): notes performance.now() of the first frame in which
// MapLibre has rendered a school or an admin area, as window.__firstDrawMs.

export function watchFirstDraw() {
  type W = Window & { __atlasMap?: MapLibreMap; __firstDrawMs?: number };
  const w = window as W;
  const check = (map: MapLibreMap) => {
    if (w.__firstDrawMs !== undefined) return;
    const ids = map
      .getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id.startsWith('schools') || id.startsWith('admin'));
    if (map.queryRenderedFeatures({ layers: ids }).length > 0) w.__firstDrawMs = performance.now();
  };
  const wait = () => {
    const map = w.__atlasMap;
    if (!map) return void requestAnimationFrame(wait);
    map.on('render', () => check(map));
  };
  wait();
}

/** The page's __firstDrawMs once set (ms after its navigation started). */
export const FIRST_DRAW_MS = () => (window as { __firstDrawMs?: number }).__firstDrawMs;
