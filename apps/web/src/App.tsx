import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import { createApiClient } from './api/index.ts';
import { markMapFailed, markMapReady } from './e2e-hooks.ts';
import { settled, useAtlasData } from './features/atlas/use-atlas-data.ts';
import { LayerPanel } from './features/layers/LayerPanel.tsx';
import { MapView } from './features/map-view/MapView.tsx';
import { FeaturePopup } from './features/popup/FeaturePopup.tsx';
import { useMapSelection } from './features/popup/use-map-selection.ts';
import { DemoBanner } from './features/status/DemoBanner.tsx';
import { StatusBar } from './features/status/StatusBar.tsx';
import { t } from './i18n/index.ts';
import { fitToBounds, setLayerVisible, showFeatures, unionBounds } from './map/index.ts';

// The atlas page: header (with the demo banner), layer panel, map, status line, popup.
// Data flows one way: API → useAtlasData → map sources; the panel only toggles visibility.

const api = createApiClient();

export function App() {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const { data, retry } = useAtlasData(api);
  const [hidden, setHidden] = useState<ReadonlySet<LayerName>>(new Set());
  const [selection, setSelection] = useMapSelection(map);
  // Per map instance (StrictMode and retries make new ones): what it already shows.
  const shown = useRef(new WeakMap<MapLibreMap, Map<LayerName, unknown>>());
  const fitted = useRef(new WeakSet<MapLibreMap>());

  const list = data.phase === 'layers' ? data.list : null;
  const loads = useMemo(() => (data.phase === 'layers' ? data.loads : {}), [data]);

  // Fit the view to the data as soon as the layer list says where the data is.
  useEffect(() => {
    if (!map || !list || fitted.current.has(map)) return;
    const bounds = unionBounds(list.layers.map((l) => l.bounds));
    if (bounds) fitToBounds(map, bounds);
    fitted.current.add(map);
  }, [map, list]);

  // Put each layer's features on the map once they arrive.
  useEffect(() => {
    if (!map) return;
    const onMap = shown.current.get(map) ?? new Map<LayerName, unknown>();
    shown.current.set(map, onMap);
    for (const [layer, load] of Object.entries(loads) as [LayerName, (typeof loads)[LayerName]][]) {
      if (load?.status !== 'loaded' || onMap.get(layer) === load.features) continue;
      showFeatures(map, layer, load.features);
      onMap.set(layer, load.features);
    }
  }, [map, loads]);

  // Tell end-to-end tests when every layer is drawn (or why it never will be).
  const { done, ok } = settled(data);
  useEffect(() => {
    if (!map || !done) return;
    if (!ok) {
      markMapFailed();
      return;
    }
    map.once('idle', markMapReady);
    map.triggerRepaint();
    return () => {
      map.off('idle', markMapReady);
    };
  }, [map, done, ok]);

  useEffect(() => {
    if (!map) return;
    for (const layer of list?.layers ?? [])
      setLayerVisible(map, layer.name, !hidden.has(layer.name));
  }, [map, list, hidden]);

  const toggle = useCallback((layer: LayerName, visible: boolean) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (visible) next.delete(layer);
      else next.add(layer);
      return next;
    });
  }, []);
  const closePopup = useCallback(() => setSelection(null), [setSelection]);
  const layerLabel = useCallback((layer: LayerName) => t.layers[layer], []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        {list?.demo && <DemoBanner />}
      </header>
      <aside className="sidebar">
        {list && (
          <LayerPanel layers={list.layers} loads={loads} hidden={hidden} onToggle={toggle} />
        )}
      </aside>
      <main className="map-area">
        <MapView onLoad={setMap} />
        <StatusBar data={data} layerLabel={layerLabel} onRetry={retry} />
      </main>
      {map && selection && (
        <FeaturePopup
          key={`${selection.layer}/${selection.id}/${selection.lngLat.join(',')}`}
          map={map}
          api={api}
          selection={selection}
          onClose={closePopup}
        />
      )}
    </div>
  );
}
