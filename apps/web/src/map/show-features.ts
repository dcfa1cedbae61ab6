import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox, LayerName } from '@atlas/model';
import { styleLayerIds } from './style.ts';

// The view over the tiles: show or hide an atlas layer, fit the view to the data.

const FIT_PADDING_PX = 40;

export function setLayerVisible(map: MapLibreMap, layer: LayerName, visible: boolean): void {
  for (const id of styleLayerIds(layer)) {
    map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}

/** The smallest box holding every given box, or null if there is none. */
export function unionBounds(boxes: readonly (Bbox | null)[]): Bbox | null {
  let out: Bbox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out
      ? [
          Math.min(out[0], b[0]),
          Math.min(out[1], b[1]),
          Math.max(out[2], b[2]),
          Math.max(out[3], b[3]),
        ]
      : [...b];
  }
  return out;
}

export function fitToBounds(map: MapLibreMap, bounds: Bbox): void {
  const [w, s, e, n] = bounds;
  const box: LngLatBoundsLike = [
    [w, s],
    [e, n],
  ];
  map.fitBounds(box, { padding: FIT_PADDING_PX, animate: false });
}
