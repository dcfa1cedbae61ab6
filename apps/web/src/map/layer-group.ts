import type { Feature, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerFeature, LayerName } from '@atlas/model';
import type { Palette } from './palette.ts';

// What one atlas layer contributes to the map: the GeoJSON sources it derives from the API's
// features, the style layers that draw them, and the legend that explains them. Each file in
// ./layers/ exports one of these.

/** The flat properties a style needs; `id` is the API feature id (the sources' promoteId). */
export type MapProperties = { id: string } & Record<string, string | number | boolean | null>;
export type MapFeature = Feature<Geometry, MapProperties>;

export type LegendSymbol =
  | { kind: 'fill'; color: string; outline: string; opacity?: number; dashed?: boolean }
  | { kind: 'line'; color: string; widthPx: number; dashed?: boolean; casing?: string }
  | { kind: 'circle'; color: string; stroke: string }
  | { kind: 'marker'; marker: string };

export type LegendItem = { label: string; symbol: LegendSymbol };

export type LayerGroup<L extends LayerName> = {
  layer: L;
  /** Every source this group fills; the first one is named after the layer. */
  sourceIds: readonly string[];
  /** Source id → features for it, derived from the layer's API features. */
  toSources(features: readonly LayerFeature<L>[]): Record<string, MapFeature[]>;
  /** Style layers in a theme's colours, bottom first, drawn in the order of the atlas layers. */
  layers: (palette: Palette) => LayerSpecification[];
  /** Text layers, drawn above every group's layers so that no symbol hides a name. */
  labels: (palette: Palette) => LayerSpecification[];
  legend: LegendItem[];
};

export type LayerGroups = { [L in LayerName]: LayerGroup<L> };

/** The map feature for an API feature: its geometry (or another) and flat style properties. */
export function mapFeature(
  id: string,
  geometry: Geometry,
  properties: Record<string, string | number | boolean | null> = {},
): MapFeature {
  return { type: 'Feature', geometry, properties: { ...properties, id } };
}
