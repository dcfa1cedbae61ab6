import type { Geometry } from 'geojson';
import { PROHIBITED_GROUPS } from '@atlas/model';
import type { Bbox, LayerName } from '@atlas/model';
import { isBuiltUp } from '../../map/layers/admin-areas.ts';
import { storeGroupOfText } from '../../map/layers/stores.ts';
import type { StoreGroup } from '../../map/markers.ts';
import type { TileLayerName } from '../../map/tile-source.ts';
import { categoriesOfGroups, passes } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { passesSchoolFilters } from './audit-filters.ts';
import { PANEL_ITEMS } from './panel-items.ts';

// How many features of each panel entry lie in the current view, counted over the tile
// features MapLibre holds for the view (querySourceFeatures), after the district filters.
// A feature cut into several tiles is counted once (by its `id`); a grid cell counts its
// members (`count`, or its count for one store type). Cells carry no school type: with a
// school-type filter on, cells still count every school in them. Audit lines count per
// status under the status and category filters; lines and rings (one per school and
// distance) only of the schools passing the school-type and township filters, as the map
// draws them (audit-filters.ts).

/** What a count needs of a tile feature: its properties and geometry in WGS84. */
export type TileFeature = {
  id?: string | number | undefined;
  properties: Record<string, unknown>;
  geometry: Geometry;
};

/** The audit's MVT layers the panel counts. */
export const COUNTED_AUDIT_LAYERS = ['violations', 'perimeter_zones'] as const;

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
type Counted = { layer: TileLayerName; count: Counter; key: (f: TileFeature) => string };

/** A feature's own id, or its tile feature id when it carries none (violation lines). */
const byId = (f: TileFeature) =>
  f.properties.cluster === true
    ? `cell:${String(f.id)}`
    : f.properties.id === undefined
      ? `fid:${String(f.id)}`
      : String(f.properties.id);

function counterFor(item: (typeof PANEL_ITEMS)[number], filters: Filters): Counted | null {
  const c = item.counts;
  if (c === 'zones') return null;
  if (c === 'builtUp')
    return { layer: 'admin_areas', key: byId, count: (p, cell) => (!cell && isBuiltUp(p) ? 1 : 0) };
  const ofSchool = (p: Record<string, unknown>) => passesSchoolFilters(filters, p);
  if ('audit' in c && c.audit === 'perimeter_zones') {
    return {
      layer: 'perimeter_zones',
      key: (f) => `${String(f.properties.schoolId)}/${String(f.properties.distanceM)}`,
      count: (p) => (ofSchool(p) ? 1 : 0),
    };
  }
  if ('audit' in c) {
    const categories = categoriesOfGroups(filters.categories);
    const on = passes(filters.statuses, c.status);
    return {
      layer: 'violations',
      key: byId,
      count: (p) =>
        on && p.status === c.status && passes(categories, String(p.category)) && ofSchool(p)
          ? 1
          : 0,
    };
  }
  const { layer, storeGroup } = c;
  const counted = (count: Counter): Counted => ({
    layer: COUNTED_TILE_LAYER[layer],
    key: byId,
    count,
  });
  if (layer === 'schools') {
    return counted((p, cell) =>
      cell ? num(p.count) : passes(filters.schoolTypes, p.type as never) ? 1 : 0,
    );
  }
  if (layer === 'stores' && storeGroup) {
    const chosen =
      filters.categories.length === 0 ||
      (storeGroup !== 'other' && filters.categories.includes(storeGroup));
    if (!chosen) return counted(() => 0);
    return counted((p, cell) =>
      cell
        ? cellStores(p, storeGroup)
        : storeGroupOfText(String(p.categories ?? '')) === storeGroup
          ? 1
          : 0,
    );
  }
  return counted((p, cell) => (cell ? num(p.count) : 1));
}

export function countsInView(
  features: Partial<Record<TileLayerName, readonly TileFeature[]>>,
  view: Bbox,
  filters: Filters,
  zoneCount: number,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const item of PANEL_ITEMS) {
    const counted = counterFor(item, filters);
    if (!counted) {
      out[item.id] = zoneCount;
      continue;
    }
    const seen = new Set<string>();
    let n = 0;
    for (const f of features[counted.layer] ?? []) {
      const key = counted.key(f);
      if (seen.has(key) || !overlaps(bboxOf(f.geometry), view)) continue;
      seen.add(key);
      n += counted.count(f.properties, f.properties.cluster === true);
    }
    out[item.id] = n;
  }
  return out;
}
