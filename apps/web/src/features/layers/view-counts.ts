import type { Geometry } from 'geojson';
import { PROHIBITED_GROUPS } from '@atlas/model';
import type { Bbox, LayerName } from '@atlas/model';
import { isBuiltUp } from '../../map/layers/admin-areas.ts';
import { storeGroupOfText } from '../../map/layers/stores.ts';
import type { StoreGroup } from '../../map/markers.ts';
import type { TileLayerName } from '../../map/tile-source.ts';
import { passes } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { PANEL_ITEMS } from './panel-items.ts';

// How many features of each panel entry lie in the current view, counted over the tile
// features MapLibre holds for the view (querySourceFeatures), after the district filters.
// A feature cut into several tiles is counted once (by its `id`); a grid cell counts its
// members (`count`, or its count for one store type). Cells carry no school type: with a
// school-type filter on, cells still count every school in them.

/** What a count needs of a tile feature: its properties and geometry in WGS84. */
export type TileFeature = {
  id?: string | number | undefined;
  properties: Record<string, unknown>;
  geometry: Geometry;
};

/** The MVT layer whose features an atlas layer's panel entry counts. */
export const COUNTED_TILE_LAYER: Record<LayerName, TileLayerName> = {
  admin_areas: 'admin_areas',
  water: 'water',
  roads: 'roads',
  pipelines: 'pipelines',
  routes: 'routes',
  hazards: 'hazards',
  schools: 'schools',
  stores: 'stores',
};

const PROHIBITED = Object.keys(PROHIBITED_GROUPS);

function bboxOf(geometry: Geometry): Bbox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else for (const part of c as unknown[]) visit(part);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => visit(bboxOf(g)));
  else visit(geometry.coordinates);
  return [w, s, e, n];
}

const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Members of a store cell in one store type (ordinary shops: those in no prohibited type). */
export function cellStores(p: Record<string, unknown>, group: StoreGroup): number {
  if (group !== 'other') return num(p[group]);
  return Math.max(0, num(p.count) - PROHIBITED.reduce((sum, g) => sum + num(p[g]), 0));
}

type Counter = (p: Record<string, unknown>, cell: boolean) => number;

function counterFor(item: (typeof PANEL_ITEMS)[number], filters: Filters): Counter | null {
  if (item.counts === 'zones') return null;
  if (item.counts === 'builtUp') return (p, cell) => (!cell && isBuiltUp(p) ? 1 : 0);
  const { layer, storeGroup } = item.counts;
  if (layer === 'schools') {
    return (p, cell) =>
      cell ? num(p.count) : passes(filters.schoolTypes, p.type as never) ? 1 : 0;
  }
  if (layer === 'stores' && storeGroup) {
    const chosen =
      filters.categories.length === 0 ||
      (storeGroup !== 'other' && filters.categories.includes(storeGroup));
    if (!chosen) return () => 0;
    return (p, cell) =>
      cell
        ? cellStores(p, storeGroup)
        : storeGroupOfText(String(p.categories ?? '')) === storeGroup
          ? 1
          : 0;
  }
  return (p, cell) => (cell ? num(p.count) : 1);
}

export function countsInView(
  features: Partial<Record<TileLayerName, readonly TileFeature[]>>,
  view: Bbox,
  filters: Filters,
  zoneCount: number,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const item of PANEL_ITEMS) {
    const count = counterFor(item, filters);
    if (!count) {
      out[item.id] = zoneCount;
      continue;
    }
    const layer =
      item.counts === 'builtUp' ? 'admin_areas' : (item.counts as { layer: LayerName }).layer;
    const seen = new Set<string>();
    let n = 0;
    for (const f of features[COUNTED_TILE_LAYER[layer]] ?? []) {
      const cell = f.properties.cluster === true;
      const key = cell ? `cell:${String(f.id)}` : String(f.properties.id);
      if (seen.has(key) || !overlaps(bboxOf(f.geometry), view)) continue;
      seen.add(key);
      n += count(f.properties, cell);
    }
    out[item.id] = n;
  }
  return out;
}
