import { featureId, PROHIBITED_GROUPS } from '@atlas/model';
import type { Areal, LayerFeature, LayerName, Position } from '@atlas/model';
import { latToY, lngToX, type WorldBox } from './mercator.ts';
import type { PointRecord, Props, ShapeRecord, TileRecord } from './records.ts';
import { anchorOf } from './anchor.ts';
import { CHUNKED_FROM_VERTICES, chunkBoxesOf } from './chunks.ts';
import { markImportance } from './simplify.ts';
import { STORE_GROUPS, type TileLayerName } from './tile-layers.ts';

// Convert: an atlas feature → the tile records it draws as, projected once, with only the
// properties the map needs and the lowest zoom each appears at.

export interface Converted {
  layer: TileLayerName;
  record: TileRecord;
}

/** Roads: the lowest zoom each class is drawn at (the basemap drops minor classes). */
export const ROAD_MIN_ZOOM: Record<LayerFeature<'roads'>['properties']['class'], number> = {
  expressway: 5,
  national: 6,
  provincial: 7,
  county: 9,
  urban_arterial: 10,
  township: 10,
  urban_secondary: 11,
  village: 12,
  local: 13,
  path: 14,
};
/** Admin outlines and labels: the lowest zoom each level is drawn at. */
export const ADMIN_MIN_ZOOM = { county: 0, township: 8, village: 11 } as const;
/** Below this the schools layer alone shows schools (a campus is a few pixels at most). */
/** Water lines (rivers, ditches, dams): thousands of short ones would fill low zooms. */
export const WATER_LINE_MIN_ZOOM: Partial<Record<string, number>> = {
  river: 8,
  ditch: 11,
  dam: 12,
};
/** A water line spanning this much of the world (≈0.35°, 40 km) is drawn from zoom 0. */
const MAJOR_WATER_LINE_WORLD = 1 / 1024;
export const CAMPUS_MIN_ZOOM = 12;
export const THREAT_ZONE_MIN_ZOOM = 10;
export const ROUTE_MIN_ZOOM = 9;
export const PIPELINE_MIN_ZOOM = 8;

const ALWAYS = 0;

function point(id: string, [lng, lat]: Position, props: Props, minZoom = ALWAYS, groups = 0) {
  const record: PointRecord = {
    kind: 'point',
    id,
    fid: featureId(id),
    minZoom,
    props,
    x: lngToX(lng),
    y: latToY(lat),
    groups,
  };
  return record;
}

/**
 * What every one-segment line (a violation line: school → store) shares instead of three
 * arrays of its own: 772 bytes a record instead of 1,409. Never written to after this.
 */
const SEGMENT = {
  importance: Float64Array.of(Infinity, Infinity),
  ringStarts: Uint32Array.of(0, 2),
  outer: Uint8Array.of(0),
};

function shape(
  kind: 'line' | 'polygon',
  id: string,
  rings: readonly (readonly Position[])[],
  outer: readonly boolean[],
  props: Props,
  minZoom: number,
): ShapeRecord {
  const total = rings.reduce((n, r) => n + r.length, 0);
  const coords = new Float64Array(total * 2);
  const segment = kind === 'line' && total === 2 && rings.length === 1;
  const importance = segment ? SEGMENT.importance : new Float64Array(total);
  const ringStarts = segment ? SEGMENT.ringStarts : new Uint32Array(rings.length + 1);
  const box: WorldBox = [Infinity, Infinity, -Infinity, -Infinity];
  let v = 0;
  rings.forEach((ring, r) => {
    if (!segment) ringStarts[r] = v;
    for (const [lng, lat] of ring) {
      const x = lngToX(lng);
      const y = latToY(lat);
      coords[2 * v] = x;
      coords[2 * v + 1] = y;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
      v++;
    }
    if (!segment) markImportance(coords, ringStarts[r]!, v - 1, importance);
  });
  if (!segment) ringStarts[rings.length] = v;
  const outerFlags = segment ? SEGMENT.outer : Uint8Array.from(outer, (o) => (o ? 1 : 0));
  const chunkBoxes = v > CHUNKED_FROM_VERTICES ? chunkBoxesOf(coords, ringStarts) : null;
  return {
    kind,
    id,
    fid: featureId(id),
    minZoom,
    props,
    coords,
    importance,
    ringStarts,
    outer: outerFlags,
    box,
    chunkBoxes,
    anchor: null,
  };
}

function arealRings(geometry: Areal): { rings: Position[][]; outer: boolean[] } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Position[][] = [];
  const outer: boolean[] = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      rings.push(ring);
      outer.push(i === 0);
    });
  }
  return { rings, outer };
}

export function areal(id: string, geometry: Areal, props: Props, minZoom: number): ShapeRecord {
  const { rings, outer } = arealRings(geometry);
  return shape('polygon', id, rings, outer, props, minZoom);
}

export function line(
  id: string,
  coordinates: Position[],
  props: Props,
  minZoom: number,
): ShapeRecord {
  return shape('line', id, [coordinates], [false], props, minZoom);
}

const storeGroupBit = new Map<string, number>();
STORE_GROUPS.forEach((group, bit) => {
  for (const category of PROHIBITED_GROUPS[group].categories) storeGroupBit.set(category, bit);
});

/** Interned comma-joined category lists: a million stores share a few dozen strings. */
const categoryText = new Map<string, string>();
function categoriesField(categories: readonly string[]): string {
  const text = categories.join(',');
  const interned = categoryText.get(text);
  if (interned !== undefined) return interned;
  categoryText.set(text, text);
  return text;
}

export function storeGroups(categories: readonly string[]): number {
  let mask = 0;
  for (const c of categories) {
    const bit = storeGroupBit.get(c);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

type Converter<L extends LayerName> = (f: LayerFeature<L>) => Converted[];
const CONVERTERS: { [L in LayerName]: Converter<L> } = {
  stores: ({ id, geometry, properties: p }) => {
    const props: Props = { id, name: p.name, categories: categoriesField(p.categories) };
    if (p.adminCode !== null) props.adminCode = p.adminCode;
    const groups = storeGroups(p.categories);
    return [{ layer: 'stores', record: point(id, geometry.coordinates, props, ALWAYS, groups) }];
  },
  schools: ({ id, geometry, properties: p }) => {
    const pointProps = { id, name: p.name, type: p.type, adminCode: p.adminCode };
    const out: Converted[] = [
      { layer: 'schools', record: point(id, geometry.coordinates, pointProps) },
    ];
    const campusProps = { id, type: p.type }; // the marker carries the name
    if (p.campus)
      out.push({ layer: 'campuses', record: areal(id, p.campus, campusProps, CAMPUS_MIN_ZOOM) });
    return out;
  },
  hazards: ({ id, geometry, properties: p }) => {
    const props = { id, type: p.type, scale: p.scale, status: p.status };
    const out: Converted[] = [{ layer: 'hazards', record: point(id, geometry.coordinates, props) }];
    if (p.threatZone) {
      const zone = { id, type: p.type, status: p.status };
      out.push({
        layer: 'threat_zones',
        record: areal(id, p.threatZone, zone, THREAT_ZONE_MIN_ZOOM),
      });
    }
    return out;
  },
  water: ({ id, geometry, properties: p }) => {
    const props = { id, kind: p.kind };
    if (geometry.type !== 'LineString') {
      return [{ layer: 'water', record: areal(id, geometry, props, ALWAYS) }];
    }
    const record = line(id, geometry.coordinates, props, ALWAYS);
    const [minX, minY, maxX, maxY] = record.box;
    const major = Math.max(maxX - minX, maxY - minY) >= MAJOR_WATER_LINE_WORLD;
    record.minZoom = major ? ALWAYS : (WATER_LINE_MIN_ZOOM[p.kind] ?? ALWAYS);
    return [{ layer: 'water', record }];
  },
  roads: ({ id, geometry, properties: p }) => [
    {
      layer: 'roads',
      record: line(id, geometry.coordinates, { id, class: p.class }, ROAD_MIN_ZOOM[p.class]),
    },
  ],
  pipelines: ({ id, geometry, properties: p }) => {
    const props: Props = { id, kind: p.kind };
    if (p.voltageKv !== null) props.voltageKv = p.voltageKv;
    return [
      { layer: 'pipelines', record: line(id, geometry.coordinates, props, PIPELINE_MIN_ZOOM) },
    ];
  },
  routes: ({ id, geometry }) => [
    {
      layer: 'routes',
      record: line(id, geometry.coordinates, { id }, ROUTE_MIN_ZOOM),
    },
  ],
  admin_areas: ({ id, geometry, properties: p }) => {
    const props = { id, code: p.code, name: p.name, level: p.level };
    const minZoom = ADMIN_MIN_ZOOM[p.level];
    const outline = areal(id, geometry, props, minZoom);
    const [x, y] = anchorOf(outline);
    const label: PointRecord = {
      kind: 'point',
      id,
      fid: outline.fid,
      minZoom,
      props,
      x,
      y,
      groups: 0,
    };
    return [
      { layer: 'admin_areas', record: outline },
      { layer: 'admin_labels', record: label },
    ];
  },
};

/** The tile records one atlas feature draws as. */
export function toRecords<L extends LayerName>(layer: L, feature: LayerFeature<L>): Converted[] {
  const convert = CONVERTERS[layer] as Converter<L> | undefined;
  if (!convert) throw new Error(`unknown layer ${JSON.stringify(layer)}: expected a LayerName`);
  return convert(feature);
}
