import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import { LAYER_GROUPS } from './layers/index.ts';
import type { LayerGroup } from './layer-group.ts';
import { BASE } from './palette.ts';

// The map style, built in code: no basemap, no sprite, no glyphs URL (see fonts.ts), so the
// map makes no request at all. Every source starts empty and is filled by show-features.ts.

export const BACKGROUND_LAYER_ID = 'background';

/** Every atlas layer's group, in drawing order. */
export const GROUPS = Object.values(LAYER_GROUPS) as LayerGroup<LayerName>[];

export function buildStyle(): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const group of GROUPS) {
    for (const id of group.sourceIds) {
      sources[id] = {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        promoteId: 'id',
      };
    }
  }
  const layers: LayerSpecification[] = [
    { id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': BASE.background } },
    ...GROUPS.flatMap((g) => g.layers),
    ...GROUPS.flatMap((g) => g.labels),
  ];
  return { version: 8, name: 'atlas', sources, layers };
}

/** The style layer ids that draw one atlas layer. */
export function styleLayerIds(layer: LayerName): string[] {
  const group = LAYER_GROUPS[layer];
  return [...group.layers, ...group.labels].map((l) => l.id);
}

const layerOfStyleLayerId = new Map<string, LayerName>(
  GROUPS.flatMap((g) => styleLayerIds(g.layer).map((id) => [id, g.layer] as const)),
);

/** The atlas layer a style layer belongs to, or null for the background. */
export function atlasLayerOf(styleLayerId: string): LayerName | null {
  return layerOfStyleLayerId.get(styleLayerId) ?? null;
}
