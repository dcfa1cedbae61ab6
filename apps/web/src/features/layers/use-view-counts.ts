import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ATLAS_SOURCE } from '../../map/index.ts';
import type { TileLayerName } from '../../map/tile-source.ts';
import type { Filters } from '../filters/filters.ts';
import { COUNTED_AUDIT_LAYERS, COUNTED_TILE_LAYER, countsInView } from './view-counts.ts';
import type { TileFeature } from './view-counts.ts';

// Per panel entry, how many features lie in the current view; recounted from the loaded
// tiles each time the map comes to rest (after a move, or once new tiles have arrived).

const COUNTED = [...new Set([...Object.values(COUNTED_TILE_LAYER), ...COUNTED_AUDIT_LAYERS])];

function sameCounts(a: Record<string, number | null>, b: Record<string, number | null>) {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

export function useViewCounts(
  map: MapLibreMap | null,
  filters: Filters,
  zoneCount: number,
): Record<string, number | null> {
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (!map) return;
    const recount = () => {
      if (!map.getSource(ATLAS_SOURCE) || !map.isSourceLoaded(ATLAS_SOURCE)) return;
      const features: Partial<Record<TileLayerName, TileFeature[]>> = {};
      for (const sourceLayer of COUNTED) {
        features[sourceLayer] = map.querySourceFeatures(ATLAS_SOURCE, { sourceLayer });
      }
      const b = map.getBounds();
      const view: [number, number, number, number] = [
        b.getWest(),
        b.getSouth(),
        b.getEast(),
        b.getNorth(),
      ];
      const next = countsInView(features, view, filters, zoneCount);
      setCounts((prev) => (sameCounts(prev, next) ? prev : next));
    };
    recount();
    map.on('idle', recount);
    return () => {
      map.off('idle', recount);
    };
  }, [map, filters, zoneCount]);
  return counts;
}
