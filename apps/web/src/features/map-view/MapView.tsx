import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { exposeMap } from '../../e2e-hooks.ts';
import { t } from '../../i18n/index.ts';
import { createMap } from '../../map/index.ts';

// The map's element. Hands the map up once its style has loaded, and removes it on unmount.

type Props = { onLoad: (map: MapLibreMap | null) => void };

export function MapView({ onLoad }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  useEffect(() => {
    onLoadRef.current = onLoad;
  }, [onLoad]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container);
    exposeMap(map);
    map.once('load', () => onLoadRef.current(map));
    return () => {
      onLoadRef.current(null);
      exposeMap(undefined);
      map.remove();
    };
  }, []);

  return <div ref={containerRef} className="map" role="region" aria-label={t.mapLabel} />;
}
