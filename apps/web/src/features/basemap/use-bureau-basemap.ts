import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { THEMES } from '../../map/palette.ts';
import type { Theme } from '../../map/palette.ts';
import { applyBureauBasemap, fetchBureauBasemap } from './bureau-basemap.ts';
import type { BureauBasemap } from './bureau-basemap.ts';

// Asks the server once whether it has a basemap file; if so it is on by default. A vector
// file is drawn in the page's theme: the one the app sets on <html data-theme>, as the CSS
// reads it, so the basemap follows every theme switch.

export type BureauChoice = {
  basemap: BureauBasemap | null;
  on: boolean;
  setOn: (on: boolean) => void;
};

function pageTheme(): Theme {
  const theme = document.documentElement.dataset.theme;
  return THEMES.find((th) => th === theme) ?? 'light';
}

/** The page's theme, kept current by watching <html data-theme>. */
function usePageTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(pageTheme);
  useEffect(() => {
    const watch = new MutationObserver(() => setTheme(pageTheme()));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => watch.disconnect();
  }, []);
  return theme;
}

export function useBureauBasemap(map: MapLibreMap | null): BureauChoice {
  const [basemap, setBasemap] = useState<BureauBasemap | null>(null);
  const [on, setOn] = useState(true);
  const theme = usePageTheme();

  useEffect(() => {
    let live = true;
    void fetchBureauBasemap(window.location.origin).then((b) => live && setBasemap(b));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (map && basemap) applyBureauBasemap(map, basemap, on, theme);
  }, [map, basemap, on, theme]);

  return { basemap, on, setOn };
}
