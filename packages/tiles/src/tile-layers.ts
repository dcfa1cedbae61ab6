import { PROHIBITED_GROUPS } from '@atlas/model';
import type { LayerName } from '@atlas/model';

// The MVT layers a tile holds, in drawing order (bottom first), with the fields each
// carries (for TileJSON) and the zooms that thin them. Several tile layers may come from
// one atlas layer (a school gives a point and a campus; a hazard a point and a zone).

export type TileLayerName =
  | 'admin_areas'
  | 'water'
  | 'roads'
  | 'pipelines'
  | 'routes'
  | 'threat_zones'
  | 'perimeter_zones'
  | 'campuses'
  | 'violations'
  | 'hazards'
  | 'schools'
  | 'stores'
  | 'admin_labels';

type FieldType = 'String' | 'Number' | 'Boolean';

/** Where a tile layer's features come from: an atlas layer, or the latest audit run. */
export type TileLayerSource = LayerName | 'audit';

export interface TileLayerSpec {
  name: TileLayerName;
  source: TileLayerSource;
  /** Points are kept as columns (point-table.ts), shapes as records (layer-index.ts). */
  geometry: 'point' | 'shape';
  description: string;
  fields: Record<string, FieldType>;
  /** Point features below this zoom are merged into grid cells with counts (aggregate.ts). */
  clusterBelowZoom: number;
  /** Names of the aggregation groups a cluster counts (bit i of a record's groups). */
  groups: readonly string[];
  /**
   * Point layers: fields every feature has its own value of (id), kept as bytes encoded
   * once and written without de-duplication (point-columns.ts); the other fields (names
   * too: shops share them) are interned and written once per tile.
   */
  distinctFields: readonly string[];
  /**
   * Fields written only from `fromZoom` on. Below it a feature carries just what the map
   * draws and filters with, so that dense tiles stay light.
   */
  detailFields: { fromZoom: number; fields: ReadonlySet<string> } | null;
}

/** Zooms from which every store is drawn one by one; below, grid cells with counts. */
export const STORE_DETAIL_ZOOM = 14;
/** Zooms from which stores carry their names (the map labels them from z16). */
export const STORE_NAME_ZOOM = 16;
/** Zooms from which hazards and tiny water bodies are drawn one by one. */
export const POINT_DETAIL_ZOOM = 10;
/**
 * Zooms from which schools are drawn one by one. At z10 a capital's tile would pass 500 KB;
 * at z11 a province town's ~2,000 school markers cost a software-WebGL browser more per
 * frame than any other layer (bench/web/layer-cost.ts), where cells say the same.
 */
export const SCHOOL_DETAIL_ZOOM = 12;
const NEVER_CLUSTER = 0;

export const STORE_GROUPS = Object.keys(PROHIBITED_GROUPS) as (keyof typeof PROHIBITED_GROUPS)[];

const CLUSTER_FIELDS: Record<string, FieldType> = {
  cluster: 'Boolean',
  count: 'Number',
};
/** Cells of a layer with groups: members in no group (a member of two groups counts in both). */
export const OTHER_FIELD = 'other';
const DISTINCT_FIELDS_DEFAULT = ['id'];
/** What the audit layers carry of a finding's or ring's school, for the district filters. */
const AUDIT_SCHOOL_FIELDS = { schoolType: 'String', township: 'String' } as const;
/**
 * Features carry the atlas id as `id` (a click reads the feature by it from the layer API),
 * but for stores below z16 (the web finds those by feature id) and violation lines; and
 * names only where the map labels them (schools, stores from z16, admin areas). Nothing
 * drew the names of water, roads, routes, hazards, pipelines and campuses, and they were
 * 14–18 % of the synthetic province's densest z9–12 tiles (12/3348/1682: 343 → 280 KB).
 */
const ID = { id: 'String' } as const;

function spec(
  s: Omit<
    TileLayerSpec,
    'clusterBelowZoom' | 'groups' | 'geometry' | 'distinctFields' | 'detailFields'
  > &
    Partial<TileLayerSpec>,
) {
  return {
    clusterBelowZoom: NEVER_CLUSTER,
    groups: [],
    geometry: 'shape',
    distinctFields: DISTINCT_FIELDS_DEFAULT,
    detailFields: null,
    ...s,
  } satisfies TileLayerSpec;
}

/** The fields a single (not aggregated) feature of the layer carries. */
export function featureFields(spec: TileLayerSpec): string[] {
  return Object.keys(spec.fields).filter(
    (f) => !(f in CLUSTER_FIELDS) && f !== OTHER_FIELD && !spec.groups.includes(f),
  );
}

export const TILE_LAYERS: readonly TileLayerSpec[] = [
  spec({
    name: 'admin_areas',
    source: 'admin_areas',
    description: '行政区划 outlines (county, township, village by zoom)',
    fields: { ...ID, code: 'String', name: 'String', level: 'String' },
  }),
  spec({
    name: 'water',
    source: 'water',
    description: '危险水域 water bodies; tiny ones as points, merged into cells at low zoom',
    fields: { ...ID, kind: 'String', ...CLUSTER_FIELDS },
    clusterBelowZoom: POINT_DETAIL_ZOOM,
  }),
  spec({
    name: 'roads',
    source: 'roads',
    description: '道路 roads by class; minor classes from higher zooms',
    fields: { ...ID, class: 'String' },
  }),
  spec({
    name: 'pipelines',
    source: 'pipelines',
    description: '管线 power lines and pipelines',
    fields: { ...ID, kind: 'String', voltageKv: 'Number' },
  }),
  spec({
    name: 'routes',
    source: 'routes',
    description: '校车线路 school bus routes',
    fields: { ...ID },
  }),
  spec({
    name: 'threat_zones',
    source: 'hazards',
    description: '危险区 hazard threat zones',
    fields: { ...ID, type: 'String', status: 'String' },
  }),
  spec({
    name: 'perimeter_zones',
    source: 'audit',
    description:
      '周边安全区域 geodesic perimeter rings of each school the latest audit run’s profile protects (from z13); schoolType and township (9-digit code) are the school’s, for the district filters',
    fields: { schoolId: 'String', distanceM: 'Number', ...AUDIT_SCHOOL_FIELDS },
  }),
  spec({
    name: 'campuses',
    source: 'schools',
    description: '校园 campus outlines; tiny ones as points',
    fields: { ...ID, type: 'String' },
  }),
  spec({
    name: 'violations',
    source: 'audit',
    description:
      '违规 findings of the latest audit run (violation, borderline, monitor): a line from the school’s origin to the target, once 12 px long; the feature id is the hash of the finding’s id (its distances and target: the findings API); schoolType is the school’s type as stored now, township the 9-digit code saved with the finding',
    fields: { category: 'String', status: 'String', ...AUDIT_SCHOOL_FIELDS },
  }),
  spec({
    name: 'hazards',
    geometry: 'point',
    source: 'hazards',
    description: '地质灾害隐患点 hazard points; grid cells with counts at low zoom',
    fields: {
      ...ID,
      type: 'String',
      scale: 'String',
      status: 'String',
      ...CLUSTER_FIELDS,
    },
    clusterBelowZoom: POINT_DETAIL_ZOOM,
  }),
  spec({
    name: 'schools',
    geometry: 'point',
    source: 'schools',
    description:
      '学校 schools (adminCode: village code, for the township filter); grid cells at low zoom',
    fields: { ...ID, name: 'String', type: 'String', adminCode: 'String', ...CLUSTER_FIELDS },
    clusterBelowZoom: SCHOOL_DETAIL_ZOOM,
  }),
  spec({
    name: 'stores',
    geometry: 'point',
    source: 'stores',
    description:
      '门店 stores (categories: comma-separated; adminCode: village code, from z14; name and id from z16, below it the feature id, a hash of the id); below z14 grid cells with count, a count per prohibited group (a store in two groups counts in both) and other (stores in none)',
    fields: {
      ...ID,
      name: 'String',
      categories: 'String',
      adminCode: 'String',
      ...CLUSTER_FIELDS,
      ...Object.fromEntries(STORE_GROUPS.map((g) => [g, 'Number' as const])),
      [OTHER_FIELD]: 'Number',
    },
    clusterBelowZoom: STORE_DETAIL_ZOOM,
    groups: STORE_GROUPS,
    // The map labels stores from z16, and a click at z14–15 finds the store by its feature
    // id, so z14–15 tiles leave names and ids out (the synthetic province's densest z14
    // tiles: stores layer −6 % without names, 134–148 KB with ids, 78–87 KB without).
    detailFields: { fromZoom: STORE_NAME_ZOOM, fields: new Set(['name', 'id']) },
  }),
  spec({
    name: 'admin_labels',
    geometry: 'point',
    source: 'admin_areas',
    description: '行政区划名称 label points of admin areas',
    fields: { ...ID, code: 'String', name: 'String', level: 'String' },
  }),
];

export function tileLayer(name: TileLayerName): TileLayerSpec {
  const found = TILE_LAYERS.find((l) => l.name === name);
  if (!found) throw new Error(`unknown tile layer ${JSON.stringify(name)}`);
  return found;
}
