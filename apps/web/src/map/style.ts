import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import { LAYER_GROUPS } from './layers/index.ts';
import { audit } from './layers/audit.ts';
import type { LayerGroup } from './layer-group.ts';
import { choroplethLayers, schoolChoroplethLayers } from './overlays/choropleth.ts';
import { dossierLayers, dossierSources } from './overlays/dossier.ts';
import { measureLayers, measureSources } from './overlays/measure.ts';
import { PALETTES } from './palette.ts';
import type { Theme } from './palette.ts';
import { ATLAS_SOURCE, atlasSource } from './tile-source.ts';

// The map style, built in code: the atlas's own data is the base map (admin areas with
// names, built-up areas, water, roads by class), in a light or a dark theme. Every atlas
// layer is drawn from the one vector tile source on the page's own origin, and so is the
// choropleth (filters over the tiles' townships and schools); the overlays (dossier,
// measure) are small GeoJSON sources filled in code. No sprite, no glyphs URL (see
// fonts.ts): the map asks no other machine for anything.

export const BACKGROUND_LAYER_ID = 'background';
/** Ids of base map layers added at run time (the bureau's file, the online basemap). */
export const BASEMAP_LAYER_PREFIX = 'basemap-';

/**
 * Where a base map layer added at run time goes: above the background and the base map
 * layers already there, below every atlas layer. The id to pass as addLayer's beforeId.
 */
export function basemapBeforeId(map: MapLibreMap): string | undefined {
  const ids = map.getStyle().layers.map((l) => l.id);
  return ids.find((id) => id !== BACKGROUND_LAYER_ID && !id.startsWith(BASEMAP_LAYER_PREFIX));
}

/** Every atlas layer's group, in drawing order. */
export const GROUPS = Object.values(LAYER_GROUPS) as LayerGroup<LayerName>[];

function styleLayers(theme: Theme): LayerSpecification[] {
  const p = PALETTES[theme];
  return [
    { id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': p.background } },
    ...choroplethLayers(p), // findings per township, from the tiles' townships
    ...GROUPS.flatMap((g) => [
      ...(g.layer === 'schools' ? schoolChoroplethLayers(p) : []), // discs behind schools
      ...g.layers(p),
    ]),
    ...audit.layers(p), // the latest audit run: perimeter rings and finding lines
    ...dossierLayers(p),
    ...measureLayers(p),
    // Place names last: MapLibre places the topmost symbols first, so they win collisions.
    ...GROUPS.filter((g) => g.layer !== 'admin_areas').flatMap((g) => g.labels(p)),
    ...LAYER_GROUPS.admin_areas.labels(p),
  ];
}

/** The style for a page on `origin` (whose /tiles.json describes the tiles). */
export function buildStyle(origin: string, theme: Theme = 'light'): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    [ATLAS_SOURCE]: atlasSource(origin),
    ...dossierSources(),
    ...measureSources(),
  };
  return { version: 8, name: 'atlas', sources, layers: styleLayers(theme) };
}

/** Recolours a drawn map for a theme without touching its data. */
export function applyTheme(map: MapLibreMap, theme: Theme): void {
  for (const layer of styleLayers(theme)) {
    if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
    type SetPaint = (id: string, property: string, value: unknown) => void;
    const setPaint = map.setPaintProperty.bind(map) as unknown as SetPaint;
    for (const [property, value] of Object.entries(layer.paint))
      setPaint(layer.id, property, value);
  }
}

/** The style layer ids that draw one atlas layer. */
export function styleLayerIds(layer: LayerName): string[] {
  const group = LAYER_GROUPS[layer];
  const p = PALETTES.light;
  return [...group.layers(p), ...group.labels(p)].map((l) => l.id);
}

const layerOfStyleLayerId = new Map<string, LayerName>(
  GROUPS.flatMap((g) => styleLayerIds(g.layer).map((id) => [id, g.layer] as const)),
);

/** The atlas layer a style layer belongs to, or null for the background and overlays. */
export function atlasLayerOf(styleLayerId: string): LayerName | null {
  return layerOfStyleLayerId.get(styleLayerId) ?? null;
}
