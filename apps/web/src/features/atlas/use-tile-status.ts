import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { ATLAS_SOURCE } from '../../map/index.ts';

// Whether the map's vector tiles have arrived: 'loading' until the first time the map comes
// to rest with the tile source loaded, 'failed' once the TileJSON or a tile could not be
// loaded (MapLibre reports it as an error event naming the source). Retrying asks for the
// TileJSON again, which reloads every tile.

export type TileStatus =
  { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: unknown };

export function useTileStatus(map: MapLibreMap | null): {
  status: TileStatus;
  retry: () => void;
} {
  const [status, setStatus] = useState<TileStatus>({ state: 'loading' });

  useEffect(() => {
    if (!map) return;
    const onError = (e: { error?: unknown; sourceId?: string }) => {
      if (e.sourceId === ATLAS_SOURCE) setStatus({ state: 'failed', error: e.error });
    };
    const onIdle = () => {
      if (!map.getSource(ATLAS_SOURCE) || !map.isSourceLoaded(ATLAS_SOURCE)) return;
      setStatus((s) => (s.state === 'loading' ? { state: 'ready' } : s));
    };
    map.on('error', onError);
    map.on('idle', onIdle);
    onIdle();
    return () => {
      map.off('error', onError);
      map.off('idle', onIdle);
    };
  }, [map]);

  const retry = useCallback(() => {
    const source = map?.getSource<VectorTileSource>(ATLAS_SOURCE);
    if (!map || !source?.url) return;
    setStatus({ state: 'loading' });
    source.setUrl(source.url);
  }, [map]);

  return { status, retry };
}
