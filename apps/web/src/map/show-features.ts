import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import { LAYER_GROUPS } from './layers/index.ts';
import type { LayerGroup } from './layer-group.ts';
import { styleLayerIds } from './style.ts';

// Putting API data on the map: fill a layer's sources, show or hide it, fit the view.

const FIT_PADDING_PX = 40;

export function showFeatures<L extends LayerName>(
  map: MapLibreMap,
  layer: L,
  features: readonly LayerFeature<L>[],
): void {
  const group = LAYER_GROUPS[layer] as LayerGroup<L>;
  for (const [sourceId, mapFeatures] of Object.entries(group.toSources(features))) {
    const source = map.getSource<GeoJSONSource>(sourceId);
    if (!source) throw new Error(`showFeatures: style has no source ${sourceId} for ${layer}`);
    source.setData({ type: 'FeatureCollection', features: mapFeatures });
  }
}

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
