import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import { storeGroup } from '../../map/index.ts';
import { isBuiltUp } from '../../map/layers/admin-areas.ts';
import type { LayerLoad } from '../atlas/use-atlas-data.ts';
import { inTownship, passes } from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { PANEL_ITEMS } from './panel-items.ts';

// How many features of each panel entry lie in the current view (bbox overlap), after the
// district filters. Bboxes are computed once per feature.

type AnyFeature = LayerFeature<LayerName>;
const boxes = new WeakMap<AnyFeature, Bbox>();

function bboxOf(feature: AnyFeature): Bbox {
  const cached = boxes.get(feature);
  if (cached) return cached;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else for (const part of c as unknown[]) visit(part);
  };
  visit(feature.geometry.coordinates);
  const box: Bbox = [w, s, e, n];
  boxes.set(feature, box);
  return box;
}

const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Whether the district filters let a feature of this layer through (map and counts alike). */
export function passesFilters(layer: LayerName, f: AnyFeature, filters: Filters): boolean {
  if (layer === 'schools') {
    const p = (f as LayerFeature<'schools'>).properties;
    return passes(filters.schoolTypes, p.type) && inTownship(filters, p.adminCode);
  }
  if (layer === 'stores') {
    const p = (f as LayerFeature<'stores'>).properties;
    const group = storeGroup(p.categories);
    const categoryOk =
      filters.categories.length === 0 || (group !== 'other' && filters.categories.includes(group));
    return categoryOk && inTownship(filters, p.adminCode);
  }
  return true;
}

export function countsInView(
  loads: Partial<Record<LayerName, LayerLoad>>,
  view: Bbox,
  filters: Filters,
  zoneCount: number,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const item of PANEL_ITEMS) {
    if (item.counts === 'zones') {
      out[item.id] = zoneCount;
      continue;
    }
    const layer = item.counts === 'builtUp' ? 'admin_areas' : item.counts.layer;
    const load = loads[layer];
    if (load?.status !== 'loaded') {
      out[item.id] = null;
      continue;
    }
    let n = 0;
    for (const f of load.features) {
      if (!overlaps(bboxOf(f), view) || !passesFilters(layer, f, filters)) continue;
      if (item.counts === 'builtUp') {
        if (!isBuiltUp(f as LayerFeature<'admin_areas'>)) continue;
      } else if (item.counts.storeGroup) {
        if (
          storeGroup((f as LayerFeature<'stores'>).properties.categories) !== item.counts.storeGroup
        )
          continue;
      }
      n++;
    }
    out[item.id] = n;
  }
  return out;
}
