import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AdminArea } from '@atlas/model';
import { CHOROPLETH_LAYER_ID, CHOROPLETH_SOURCE } from '../../map/overlays/choropleth.ts';
import type { Bar } from './aggregate.ts';

/** Colours each township by its count of (filtered) findings, or hides the choropleth. */
export function showChoropleth(
  map: MapLibreMap,
  townships: readonly AdminArea[] | null,
  counts: readonly Bar[],
): void {
  const byCode = new Map(counts.map((b) => [b.key, b.count]));
  map.getSource<GeoJSONSource>(CHOROPLETH_SOURCE)?.setData({
    type: 'FeatureCollection',
    features: (townships ?? []).map((a) => ({
      type: 'Feature',
      geometry: a.geometry,
      properties: {
        code: a.properties.code,
        name: a.properties.name,
        count: byCode.get(a.properties.code) ?? 0,
      },
    })),
  });
  if (map.getLayer(CHOROPLETH_LAYER_ID)) {
    map.setLayoutProperty(CHOROPLETH_LAYER_ID, 'visibility', townships ? 'visible' : 'none');
  }
}
