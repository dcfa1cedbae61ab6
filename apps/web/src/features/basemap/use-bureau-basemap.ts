import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyBureauBasemap, fetchBureauBasemap } from './bureau-basemap.ts';
import type { BureauBasemap } from './bureau-basemap.ts';

// Asks the server once whether it has a basemap file; if so it is on by default.

export type BureauChoice = {
  basemap: BureauBasemap | null;
  on: boolean;
  setOn: (on: boolean) => void;
};

export function useBureauBasemap(map: MapLibreMap | null): BureauChoice {
  const [basemap, setBasemap] = useState<BureauBasemap | null>(null);
  const [on, setOn] = useState(true);

  useEffect(() => {
    let live = true;
    void fetchBureauBasemap(window.location.origin).then((b) => live && setBasemap(b));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (map && basemap) applyBureauBasemap(map, basemap, on);
  }, [map, basemap, on]);

  return { basemap, on, setOn };
}
