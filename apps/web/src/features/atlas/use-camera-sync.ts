import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { fitToBounds, unionBounds } from '../../map/index.ts';
import type { LayerList } from '../../api/index.ts';
import type { ViewState } from '../url-state/url-state.ts';

// The camera and the URL: a link's position wins; without one the view fits the data once
// the layer list says where it is. Every move is written back to the view state.

export function useCameraSync(
  map: MapLibreMap | null,
  list: LayerList | null,
  camera: ViewState['camera'],
  onCamera: (camera: NonNullable<ViewState['camera']>) => void,
) {
  const placed = useRef(new WeakSet<MapLibreMap>());
  const initial = useRef(camera);

  useEffect(() => {
    if (!map || placed.current.has(map)) return;
    if (initial.current) {
      map.jumpTo({ center: initial.current.center, zoom: initial.current.zoom });
      placed.current.add(map);
      return;
    }
    if (!list) return;
    const bounds = unionBounds(list.layers.map((l) => l.bounds));
    if (bounds) fitToBounds(map, bounds);
    placed.current.add(map);
  }, [map, list]);

  useEffect(() => {
    if (!map) return;
    const onMoveEnd = () => {
      if (!placed.current.has(map)) return;
      const c = map.getCenter();
      onCamera({ center: [c.lng, c.lat], zoom: map.getZoom() });
    };
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map, onCamera]);
}
