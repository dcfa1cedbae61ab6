import type { Map as MapLibreMap } from 'maplibre-gl';

// What an end-to-end test may rely on, kept in one place:
//   window.__atlasMap             the MapLibre map, for queryRenderedFeatures
//   <body data-map-ready="1">     set after the first 'idle' once every layer's data is on the map
//   <body data-map-error="1">     set instead when the layer list or a layer failed to load

declare global {
  interface Window {
    __atlasMap?: MapLibreMap;
  }
}

export function exposeMap(map: MapLibreMap | undefined): void {
  window.__atlasMap = map;
}

export function markMapReady(): void {
  delete document.body.dataset.mapError;
  document.body.dataset.mapReady = '1';
}

export function markMapFailed(): void {
  delete document.body.dataset.mapReady;
  document.body.dataset.mapError = '1';
}

//   <body data-dossier="sch-001">  set once that school's dossier is loaded and on the map
export function markDossier(schoolId: string | null): void {
  if (schoolId) document.body.dataset.dossier = schoolId;
  else delete document.body.dataset.dossier;
}
