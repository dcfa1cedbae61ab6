import Flatbush from 'flatbush';
import { perimeterZones, type AuditSchool } from '@atlas/audit';
import { schoolType, type Bbox, type LayerFeature, type Position } from '@atlas/model';
import { zoneRecord, ZONE_MIN_ZOOM } from './audit-records.ts';
import { bboxToWorld, type WorldBox } from './mercator.ts';
import type { ShapeRecord } from './records.ts';
import { tileWorldBox, type TileCoord } from './tile-coord.ts';
import type { TileData } from './tile-data.ts';

// The perimeter_zones layer. The rings are the map's (@atlas/audit perimeterZones with
// { ring: 'display' }: ≈ 30 µs a ring, the same outline as the audit's exact trace of 5–10 ms
// to well under its 0.5 m tolerance). Each school keeps its reach — its extent grown by the
// longest zone distance its type gets under the run's profile, a box that surely holds every
// ring — and what its rings are made from (point, campus, gates: no store read while a tile
// waits). Once a run's profile is set, fill() computes every protected school's zones in
// slices between requests (the synthetic province: 27,040 schools in ≈ 1.1 s, +51 MB of
// heap), so that no request pays for them; until then, and for a school edited since, a
// tile from z13 computes the zones of the schools whose reach meets it. Zones are kept per
// school in an LRU (their records live in TileData's shape index while kept). A new
// profile or an edited school drops what it computed.
//
//   school extent ┌──┐   reach = extent ± d (degrees bounded from above at its latitudes)
//                 └──┘   tile meets reach → compute → index → cut

type Profile = Parameters<typeof perimeterZones>[1];

/**
 * Schools whose zones are kept computed: all of a province's (27,040 protected schools of
 * the synthetic one: 41,356 rings, 1.8 M vertices, 51 MB), with room to spare.
 */
export const ZONE_CACHE_MAX_SCHOOLS = 65_536;
/** fill() computes for this long, then lets waiting requests in. */
const FILL_SLICE_MS = 10;
/** The shortest degree of latitude (at the equator), metres. */
const METRES_PER_DEG_LAT_MIN = 110_574;
/** A degree of longitude at the equator on the sphere of radius a, metres (× cos φ; N ≥ a). */
const METRES_PER_DEG_LNG_EQUATOR = 111_319.49;
const DEG_TO_RAD = Math.PI / 180;
/** Rings for drawing: the audit's outlines, computed in a tangent plane (@atlas/geo displayRing). */
const DISPLAY = { ring: 'display' } as const;

interface School {
  type: string;
  /** [west, south, east, north] of its point, campus and gates. */
  box: Bbox;
  /** What its rings are made from (point, campus, gates, type, admin code), kept in memory. */
  feature: LayerFeature<'schools'>;
}

/** The part of a school its rings need: the rest (name, address …) is not kept. */
function ringSource({ id, geometry, properties: p }: LayerFeature<'schools'>) {
  const properties = { type: p.type, gates: p.gates, campus: p.campus, adminCode: p.adminCode };
  return { type: 'Feature', id, geometry, properties } as LayerFeature<'schools'>;
}

function extentOf({ geometry, properties: p }: LayerFeature<'schools'>): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const add = ([lng, lat]: Position) => {
    box[0] = Math.min(box[0], lng);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lng);
    box[3] = Math.max(box[3], lat);
  };
  add(geometry.coordinates);
  for (const gate of p.gates) add(gate.position);
  const polygons = !p.campus
    ? []
    : p.campus.type === 'Polygon'
      ? [p.campus.coordinates]
      : p.campus.coordinates;
  for (const polygon of polygons) for (const ring of polygon) ring.forEach(add);
  return box;
}

/** The box grown by distanceM every way (never smaller than the geodesic reach). */
function grow([w, s, e, n]: Bbox, distanceM: number): Bbox {
  const dLat = distanceM / METRES_PER_DEG_LAT_MIN;
  const polewardDeg = Math.min(90, Math.max(Math.abs(s - dLat), Math.abs(n + dLat)));
  const dLng = distanceM / (METRES_PER_DEG_LNG_EQUATOR * Math.cos(polewardDeg * DEG_TO_RAD));
  return [w - dLng, s - dLat, e + dLng, n + dLat];
}

/** The longest zone distance per school type under a profile (types it protects only). */
function reachByType(profile: Profile): Map<string, number> {
  const out = new Map<string, number>();
  for (const type of schoolType.schema.options) {
    // perimeterZones decides which zones a type gets; a probe school with no campus and no
    // gates reports every one of them (as a ring or as missing), each with its distance.
    const probe = {
      type: 'Feature',
      id: 'reach-probe',
      geometry: { type: 'Point', coordinates: [0, 0] },
      properties: { type, gates: [], campus: null },
    } as unknown as AuditSchool;
    const { features, missing } = perimeterZones(probe, profile, DISPLAY);
    const distances = [
      ...features.map((f) => f.properties.distanceM),
      ...missing.map((m) => m.distanceM),
    ];
    if (distances.length > 0) out.set(type, Math.max(...distances));
  }
  return out;
}

export class ZoneLayer {
  private profile: Profile | null = null;
  private profileKey = JSON.stringify(null);
  private reach = new Map<string, number>();
  private readonly schools = new Map<string, School>();
  /** Reach boxes of the protected schools (world units), rebuilt on the next search. */
  private tree: Flatbush | null = null;
  private treeIds: string[] = [];
  private dirty = true;
  /** School id → its zone records, least recently used first. */
  private readonly computed = new Map<string, ShapeRecord[]>();
  /** Bumped by each fill() and profile change: an older fill stops at its next slice. */
  private fillGeneration = 0;

  constructor(
    private readonly data: TileData,
    private readonly maxSchools = ZONE_CACHE_MAX_SCHOOLS,
  ) {}

  /** The type of a school followed (undefined: not stored). */
  schoolType(id: string): string | undefined {
    return this.schools.get(id)?.type;
  }

  /** How many schools have their zones computed now (for tests and stats). */
  get computedSchools(): number {
    return this.computed.size;
  }

  /** Use the zones of this profile (null: none); returns the world boxes of old and new zones. */
  setProfile(profile: Profile | null): WorldBox[] {
    const key = JSON.stringify(profile);
    if (key === this.profileKey) return [];
    const old = [...this.schools.keys()].flatMap((id) => this.zoneBoxes(id));
    for (const id of [...this.computed.keys()]) this.drop(id);
    this.profile = profile;
    this.profileKey = key;
    this.fillGeneration++;
    this.reach = profile ? reachByType(profile) : new Map();
    this.dirty = true;
    return [...old, ...[...this.schools.keys()].flatMap((id) => this.reachBoxes(id))];
  }

  /** Follow a school written to the store; returns the boxes its old and new zones touch. */
  putSchool(feature: LayerFeature<'schools'>): WorldBox[] {
    const old = this.removeSchool(feature.id);
    const school = { type: feature.properties.type, box: extentOf(feature) };
    this.schools.set(feature.id, { ...school, feature: ringSource(feature) });
    return [...old, ...this.reachBoxes(feature.id)];
  }

  /** Forget a school; returns the boxes its zones touched. */
  removeSchool(id: string): WorldBox[] {
    const old = this.zoneBoxes(id);
    this.drop(id);
    if (this.schools.delete(id)) this.dirty = true;
    return old;
  }

  /**
   * Compute the zones of the schools whose reach meets the buffered tile and are not
   * computed yet (none below z13); the computed ones met are marked recently used. The LRU
   * is trimmed first. Synchronous: the schools' geometry is held here, not read from the store.
   */
  ensure(tile: TileCoord, bufferFraction: number): void {
    if (tile.z < ZONE_MIN_ZOOM || !this.profile) return;
    this.trim();
    const [minX, minY, maxX, maxY] = tileWorldBox(tile, bufferFraction);
    for (const i of this.search().search(minX, minY, maxX, maxY)) {
      const id = this.treeIds[i];
      if (id === undefined) continue; // the placeholder of an empty tree
      const records = this.computed.get(id);
      if (!records) this.compute(this.schools.get(id)!.feature, this.profile);
      else {
        this.computed.delete(id);
        this.computed.set(id, records);
      }
    }
  }

  /**
   * Compute the zones of every protected school not computed yet, FILL_SLICE_MS at a time
   * with the event loop free between slices; resolves when done, or early when the profile
   * changes or another fill starts. A school whose zones fail is left to ensure(), which
   * reports the error to the tile that needs them.
   */
  async fill(): Promise<void> {
    const generation = ++this.fillGeneration;
    const profile = this.profile;
    if (!profile) return;
    const ids = this.protectedIds();
    for (let i = 0; i < ids.length;) {
      const sliceEnd = performance.now() + FILL_SLICE_MS;
      for (; i < ids.length && performance.now() < sliceEnd; i++) {
        if (this.computed.size >= this.maxSchools) return;
        const school = this.schools.get(ids[i]!);
        if (!school || this.computed.has(ids[i]!)) continue;
        try {
          this.compute(school.feature, profile);
        } catch {
          // ensure() meets it again when a tile needs it, and fails that tile in words.
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.fillGeneration) return;
    }
  }

  private compute(feature: LayerFeature<'schools'>, profile: Profile): void {
    const zones = perimeterZones(feature as AuditSchool, profile, DISPLAY).features;
    const records = zones.map((zone) => zoneRecord(zone, feature));
    for (const r of records) this.data.putRecord('perimeter_zones', r);
    this.computed.set(feature.id, records);
  }

  private search(): Flatbush {
    if (this.dirty || !this.tree) {
      this.treeIds = this.protectedIds();
      const tree = new Flatbush(Math.max(1, this.treeIds.length));
      for (const id of this.treeIds) tree.add(...this.reachBoxes(id)[0]!);
      if (this.treeIds.length === 0) tree.add(-1, -1, -1, -1); // Flatbush needs an item
      tree.finish();
      this.tree = tree;
      this.dirty = false;
    }
    return this.tree;
  }

  /** The schools the profile gives zones to. */
  private protectedIds(): string[] {
    return [...this.schools.keys()].filter((id) => this.reach.has(this.schools.get(id)!.type));
  }

  /** The school's reach as a world box, or none when the profile does not protect it. */
  private reachBoxes(id: string): WorldBox[] {
    const school = this.schools.get(id);
    const distanceM = school && this.reach.get(school.type);
    return school && distanceM !== undefined ? [bboxToWorld(grow(school.box, distanceM))] : [];
  }

  /** Where a school's zones are: their records' boxes once computed, else its reach. */
  private zoneBoxes(id: string): WorldBox[] {
    const records = this.computed.get(id);
    return records ? records.map((r) => r.box) : this.reachBoxes(id);
  }

  private drop(id: string): void {
    const records = this.computed.get(id);
    if (!records) return;
    for (const r of records) this.data.removeRecord('perimeter_zones', r.id);
    this.computed.delete(id);
  }

  private trim(): void {
    for (const [id] of this.computed) {
      if (this.computed.size <= this.maxSchools) break;
      this.drop(id);
    }
  }
}
