import type { LayerSpecification } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import type { Palette } from './palette.ts';
import type { TileLayerName } from './tile-source.ts';

// What one atlas layer contributes to the map: the MVT layers of the atlas tiles it draws
// from, the style layers that draw them, and the legend that explains them. Each file in
// ./layers/ exports one of these.

export type LegendSymbol =
  | { kind: 'fill'; color: string; outline: string; opacity?: number; dashed?: boolean }
  | { kind: 'line'; color: string; widthPx: number; dashed?: boolean; casing?: string }
  | { kind: 'circle'; color: string; stroke: string }
  | { kind: 'marker'; marker: string };

export type LegendItem = { label: string; symbol: LegendSymbol };

export type LayerGroup<L extends LayerName> = {
  layer: L;
  /** The MVT layers of the atlas source this group draws (a school: its point and campus). */
  sourceLayers: readonly TileLayerName[];
  /** Style layers in a theme's colours, bottom first, drawn in the order of the atlas layers. */
  layers: (palette: Palette) => LayerSpecification[];
  /** Text layers, drawn above every group's layers so that no symbol hides a name. */
  labels: (palette: Palette) => LayerSpecification[];
  legend: LegendItem[];
};

export type LayerGroups = { [L in LayerName]: LayerGroup<L> };
