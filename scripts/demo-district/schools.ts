import type { SchoolType } from '@atlas/model';
import { type Admin, villageAt } from './admin.ts';
import { type CampusDraft, campusAt } from './campus.ts';
import { type DemoFeature, feature, makeId, provenance } from './features.ts';
import { type XY, toClosedRing, toLngLat } from './local.ts';
import {
  add,
  centroid,
  dist,
  distToRing,
  left,
  pointInRing,
  ringDistance,
  scale,
  sub,
  unit,
} from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import type { RoadLine, RoadNet } from './roads.ts';
import { ISOLATION_M, type SchoolSlot, schoolSlots } from './school-slots.ts';
import type { SegmentIndex } from './segment-index.ts';

// Stage 4 — schools: each slot searches the road vertices around its anchor for a site
// where the campus clears roads, rivers, the county border and other campuses, then adds a
// short access road from the road vertex to the main gate (so gates face the network).
// Slots with a role (planted cases, hazards, the pipeline) are placed first, isolated.

export interface PlacedSchool {
  id: string;
  slot: SchoolSlot;
  /** Outer rings of the campus parts, counter-clockwise (empty when there is no outline). */
  parts: XY[][];
  holes: XY[][];
  point: XY;
  gates: { id: string; at: XY }[];
  feature: DemoFeature<'schools'>;
}

interface Site {
  v: XY;
  d: XY;
  road: RoadLine;
}

interface Part {
  draft: CampusDraft;
  site: Site;
}

const ROAD_CLEARANCE_M = 5;
const RIVER_CLEARANCE_M = 40;
const CAMPUS_GAP_M = 25;
const BORDER_CLEARANCE_M = 100;
const SEARCH_M = 500;
const SEARCH_GROWTH = 1.5;
const SEARCH_ROUNDS = 5;
const TRIES_PER_ROUND = 80;
const NO_OUTLINE_FOOTPRINT_M = 10;
const BUILDING_OFFSET_M = 18;
const DOOR_OFFSET_M = 8;
const SECOND_SITE_M: [number, number] = [250, 600];
const RURAL_ENROLMENT_SHARE = 1 / 3;
const SCHOOL_CODE_PREFIX = '1142599';

const STUDENTS: Record<SchoolType, [number, number]> = {
  kindergarten: [60, 400],
  primary: [150, 1_800],
  junior: [400, 2_000],
  nine_year: [300, 1_200],
  senior: [1_500, 3_500],
  complete_secondary: [1_800, 3_000],
  vocational: [800, 2_500],
  special: [40, 150],
  reform: [20, 80],
  university: [3_000, 8_000],
  training: [30, 300],
};
const BOARDING = new Set<SchoolType>([
  'senior',
  'complete_secondary',
  'vocational',
  'university',
  'nine_year',
  'special',
  'reform',
]);

export function buildSchools(
  admin: Admin,
  net: RoadNet,
  roadIndex: SegmentIndex,
  riverIndex: SegmentIndex,
  rng: Rng,
  seed: number,
): PlacedSchool[] {
  const slots = schoolSlots(admin, rng);
  const sites = roadSites(net.lines);
  const placed = new Map<number, Part[]>();
  const roleFirst = slots
    .map((_, i) => i)
    .sort((a, b) => Number(slots[b]!.role !== null) - Number(slots[a]!.role !== null));
  for (const i of roleFirst) {
    const slot = slots[i]!;
    const taken = [...placed.entries()].map(([j, parts]) => ({
      slot: slots[j]!,
      rings: parts.map((p) => p.draft.outer),
    }));
    const parts = place(slot, sites, taken, admin, roadIndex, riverIndex, rng);
    placed.set(i, parts);
    for (const { draft, site } of parts) {
      if (slot.shape === 'point') continue;
      const main = draft.gates.find((g) => g.kind === 'main')!;
      net.lines.push({ name: `${slot.name}出入口`, class: 'local', pts: [site.v, main.at] });
      roadIndex.add(site.v, main.at);
    }
  }
  const prov = provenance(seed, '教育事业统计（演示）', 'EPSG:4490');
  return slots.map((slot, i) => {
    const parts = placed.get(i)!;
    const id = makeId('sch', i + 1, 3);
    const noOutline = slot.shape === 'point' || slot.shape === 'gates';
    const gates =
      slot.shape === 'point'
        ? []
        : parts.flatMap((p) => p.draft.gates).map((g, k) => ({ ...g, id: `${id}-g${k + 1}` }));
    const point = noOutline ? parts[0]!.draft.gates[0]!.at : centroid(parts[0]!.draft.outer);
    const village = villageAt(admin.villages, point);
    if (!village) throw new Error(`buildSchools: ${slot.name} lies outside every village`);
    const polygons = noOutline
      ? []
      : parts.map((p) => [toClosedRing(p.draft.outer), ...p.draft.holes.map(toClosedRing)]);
    const campus: DemoFeature<'schools'>['properties']['campus'] =
      polygons.length === 0
        ? null
        : polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0]! }
          : { type: 'MultiPolygon', coordinates: polygons };
    const students = rng.int(...STUDENTS[slot.type]);
    const f = feature(
      'schools',
      id,
      { type: 'Point', coordinates: toLngLat(point) },
      {
        code: SCHOOL_CODE_PREFIX + String(i + 1).padStart(3, '0'),
        name: slot.name,
        type: slot.type,
        address: address(parts[0]!.site, village.township.name, village.name, slot.rural, rng),
        students: slot.rural ? Math.round(students * RURAL_ENROLMENT_SHARE) : students,
        boarding: BOARDING.has(slot.type) || (slot.type === 'junior' && !village.township.isSeat),
        campus,
        gates: gates.map((g) => ({
          id: g.id,
          kind: g.kind,
          studentUse: g.studentUse,
          position: toLngLat(g.at),
        })),
        adminCode: village.code,
        provenance: prov,
      },
    );
    return {
      id,
      slot,
      parts: noOutline ? [] : parts.map((p) => p.draft.outer),
      holes: noOutline ? [] : parts.flatMap((p) => p.draft.holes),
      point,
      gates: gates.map((g) => ({ id: g.id, at: g.at })),
      feature: f,
    };
  });
}

/** Every inner vertex of a drivable road, with the road's direction there. */
function roadSites(lines: readonly RoadLine[]): Site[] {
  return lines
    .filter((l) => l.class !== 'expressway' && l.class !== 'path')
    .flatMap((road) =>
      road.pts
        .slice(1, -1)
        .map((v, k) => ({ v, d: unit(sub(road.pts[k + 2]!, road.pts[k]!)), road })),
    );
}

function place(
  slot: SchoolSlot,
  sites: Site[],
  taken: { slot: SchoolSlot; rings: XY[][] }[],
  admin: Admin,
  roadIndex: SegmentIndex,
  riverIndex: SegmentIndex,
  rng: Rng,
): Part[] {
  const isolation = (other: SchoolSlot) =>
    Math.max(
      slot.role ? ISOLATION_M[slot.role] : 0,
      other.role ? ISOLATION_M[other.role] : 0,
      CAMPUS_GAP_M,
    );
  const fits = (ring: XY[]) =>
    ring.every(
      (p) =>
        pointInRing(p, admin.countyRing) && distToRing(p, admin.countyRing) > BORDER_CLEARANCE_M,
    ) &&
    !roadIndex.touchesRing(ring, ROAD_CLEARANCE_M) &&
    !riverIndex.touchesRing(ring, RIVER_CLEARANCE_M) &&
    taken.every((t) => t.rings.every((r) => ringDistance(ring, r) >= isolation(t.slot)));
  let radius = SEARCH_M;
  for (let round = 0; round < SEARCH_ROUNDS; round++, radius *= SEARCH_GROWTH) {
    const nearby = rng
      .shuffle(sites.filter((s) => dist(s.v, slot.anchor) <= radius))
      .slice(0, TRIES_PER_ROUND);
    for (const site of nearby) {
      const draft = draftAt(slot, site, rng);
      if (!draft || !fits(draft.outer)) continue;
      if (slot.shape !== 'multi') return [{ draft, site }];
      const other = nearby.find(
        (s) => dist(s.v, site.v) >= SECOND_SITE_M[0] && dist(s.v, site.v) <= SECOND_SITE_M[1],
      );
      const second = other && draftAt(slot, other, rng);
      if (
        !other ||
        !second ||
        !fits(second.outer) ||
        ringDistance(second.outer, draft.outer) < CAMPUS_GAP_M
      )
        continue;
      return [
        { draft, site },
        { draft: second, site: other },
      ];
    }
  }
  throw new Error(
    `buildSchools: no site for ${slot.name} near [${slot.anchor.map(Math.round).join(', ')}]`,
  );
}

function draftAt(slot: SchoolSlot, site: Site, rng: Rng): CampusDraft | null {
  const side = rng.chance(0.5) ? 1 : -1;
  if (slot.shape === 'point' || slot.shape === 'gates') {
    // No outline: a small footprint stands in for the building during placement only.
    const n = scale(left(site.d), side);
    const c = add(site.v, scale(n, BUILDING_OFFSET_M));
    const h = NO_OUTLINE_FOOTPRINT_M / 2;
    const outer: XY[] = [add(c, [-h, -h]), add(c, [h, -h]), add(c, [h, h]), add(c, [-h, h])];
    const at = slot.shape === 'gates' ? add(site.v, scale(n, DOOR_OFFSET_M)) : c;
    return { outer, holes: [], gates: [{ kind: 'main', studentUse: true, at }] };
  }
  const kindergarten = slot.type === 'kindergarten';
  return campusAt(site.v, site.d, side, rng.range(...slot.sideM), rng.range(...slot.sideM), rng, {
    quad: slot.shape === 'quad',
    hole: slot.shape === 'hole',
    extraGates: rng.int(0, kindergarten ? 1 : 2),
    kindergarten,
  });
}

function address(site: Site, township: string, village: string, rural: boolean, rng: Rng): string {
  if (rural && site.road.class === 'village')
    return `云溪县${township}${village}${rng.int(1, 9)}组`;
  return `云溪县${township}${site.road.name.replace(/^[A-Z]\d+ /, '')}${rng.int(1, 199)}号`;
}
