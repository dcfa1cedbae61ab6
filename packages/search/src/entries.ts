import type { AdminArea, Areal, Bbox, Position, School, Store } from '@atlas/model';
import { normalize } from './normalize.ts';
import { pinyinKeys } from './pinyin-keys.ts';
import { createAreaPaths } from './area-paths.ts';
import type { SearchKind } from './result.ts';

// One searchable record per school, store and admin area, with every key precomputed so
// that a query only compares strings.

export type SearchInput = {
  schools: readonly School[];
  stores: readonly Store[];
  adminAreas: readonly AdminArea[];
};

export type Entry = {
  kind: SearchKind;
  id: string;
  name: string;
  address: string;
  adminPath: string;
  position: Position;
  bbox: Bbox | null;
  keys: { name: string; initials: string; pinyin: string; address: string; adminPath: string };
};

function arealBbox(geometry: Areal): Bbox {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [lng, lat] of polygon[0] ?? []) {
      [w, s, e, n] = [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)];
    }
  return [w, s, e, n];
}

function entry(
  kind: SearchKind,
  id: string,
  name: string,
  address: string,
  adminPath: string,
  position: Position,
  bbox: Bbox | null,
): Entry {
  const { initials, full } = pinyinKeys(name);
  return {
    kind,
    id,
    name,
    address,
    adminPath,
    position,
    bbox,
    keys: {
      name: normalize(name),
      initials,
      pinyin: full,
      address: normalize(address),
      adminPath: normalize(adminPath),
    },
  };
}

export function buildEntries({ schools, stores, adminAreas }: SearchInput): Entry[] {
  const areas = createAreaPaths(adminAreas);
  const out: Entry[] = [];
  for (const s of schools) {
    const p = s.properties;
    const path = areas.pathOf(p.adminCode);
    out.push(entry('school', s.id, p.name, p.address, path, s.geometry.coordinates, null));
  }
  for (const a of adminAreas) {
    const p = a.properties;
    const bbox = arealBbox(a.geometry);
    const centre: Position = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
    const path = areas.pathOf(p.parentCode);
    out.push(entry('admin_area', a.id, p.name, '', path, centre, bbox));
  }
  for (const s of stores) {
    const p = s.properties;
    const path = areas.pathOf(p.adminCode);
    out.push(entry('store', s.id, p.name, p.address, path, s.geometry.coordinates, null));
  }
  return out;
}
