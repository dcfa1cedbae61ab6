import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import type { LayerLoad } from '../atlas/use-atlas-data.ts';
import type { Filters } from '../filters/filters.ts';
import { countsInView } from './view-counts.ts';

// Per panel entry, how many features lie in the current view; recounted after every move.

export function useViewCounts(
  map: MapLibreMap | null,
  loads: Partial<Record<LayerName, LayerLoad>>,
  filters: Filters,
  zoneCount: number,
): Record<string, number | null> {
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (!map) return;
    const recount = () => {
      const b = map.getBounds();
      setCounts(
        countsInView(
          loads,
          [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
          filters,
          zoneCount,
        ),
      );
    };
    recount();
    map.on('moveend', recount);
    return () => {
      map.off('moveend', recount);
    };
  }, [map, loads, filters, zoneCount]);
  return counts;
}
