import { type Admin, villageAt } from './admin.ts';
import { blob } from './blob.ts';
import { type DemoFeature, makeId } from './features.ts';
import { type XY, toClosedRing, toLngLat } from './local.ts';
import { PLACE_WORDS } from './names.ts';
import {
  add,
  centroid,
  dist,
  distToRing,
  left,
  pointInRing,
  polar,
  ringDistance,
  scale,
  sub,
  unit,
} from './planar.ts';
import type { Rivers } from './rivers.ts';
import type { Rng } from '../lib/rng.ts';
import type { PlacedSchool } from './schools.ts';
import type { SegmentIndex } from './segment-index.ts';
import { waterFeature } from './water-props.ts';
import { wiggle } from './wiggle.ts';

// Stage 5 — standing water and small channels: reservoirs in the hills, mountain ponds
// (山塘) and ponds (池塘, some within 150 m of a school), irrigation ditches, a sand pit
// beside the river and a weir across it. Outlines keep clear of roads and campuses.

export interface StandingWater {
  rings: XY[][];
  features: DemoFeature<'water'>[];
}

interface Kind {
  kind: 'reservoir' | 'mountain_pond' | 'pond';
  count: number;
  radiusM: [number, number];
  minFromTownM: number;
}

const KINDS: Kind[] = [
  { kind: 'reservoir', count: 3, radiusM: [300, 550], minFromTownM: 3_000 },
  { kind: 'mountain_pond', count: 15, radiusM: [30, 70], minFromTownM: 1_500 },
  { kind: 'pond', count: 22, radiusM: [12, 35], minFromTownM: 0 },
];
const PONDS_NEAR_SCHOOLS = 7;
const NEAR_SCHOOL_GAP_M: [number, number] = [25, 150];
const BLOB_VERTICES = 14;
const BLOB_JITTER = 0.2;
const ROAD_CLEARANCE_M = 10;
const RIVER_CLEARANCE_M = 20;
const CAMPUS_CLEARANCE_M = 15;
const WATER_GAP_M = 30;
const BORDER_CLEARANCE_M = 200;
const DITCHES = 6;
const DITCH_LENGTH_M: [number, number] = [300, 900];
const PIT_RADIUS_M: [number, number] = [40, 80];
const PIT_FROM_RIVER_M: [number, number] = [60, 150];
const DAM_HALF_M = 40;
const TRIES = 3_000;

export function buildWater(
  admin: Admin,
  rivers: Rivers,
  schools: PlacedSchool[],
  roadIndex: SegmentIndex,
  rng: Rng,
  seed: number,
  firstId: number,
): StandingWater {
  const rings: XY[][] = [];
  const features: DemoFeature<'water'>[] = [];
  const campuses = schools.flatMap((s) => s.parts);
  const towns = admin.townships.map((t) => t.centre);
  const nextId = () => makeId('wat', firstId + features.length, 3);
  const clear = (ring: XY[], campusGap: number) =>
    ring.every(
      (p) =>
        pointInRing(p, admin.countyRing) && distToRing(p, admin.countyRing) > BORDER_CLEARANCE_M,
    ) &&
    !roadIndex.touchesRing(ring, ROAD_CLEARANCE_M) &&
    !rivers.index.touchesRing(ring, RIVER_CLEARANCE_M) &&
    campuses.every((c) => dist(c[0]!, ring[0]!) > 3_000 || ringDistance(ring, c) >= campusGap) &&
    rings.every((r) => dist(r[0]!, ring[0]!) > 3_000 || ringDistance(ring, r) >= WATER_GAP_M);
  const addPolygon = (
    ring: XY[],
    kind: DemoFeature<'water'>['properties']['kind'],
    name: (village: string) => string,
  ) => {
    const village = villageAt(admin.villages, centroid(ring))!;
    rings.push(ring);
    features.push(
      waterFeature(
        nextId(),
        { type: 'Polygon', coordinates: [toClosedRing(ring)] },
        name(village.name),
        kind,
        village,
        rng,
        seed,
      ),
    );
  };
  const randomPoint = (): XY => polar(rng.range(0, 14_000), rng.range(0, 2 * Math.PI));

  for (const k of KINDS) {
    for (let n = 0; n < k.count; n++) {
      const ring = attempt(() => {
        const c = randomPoint();
        if (towns.some((t) => dist(t, c) < k.minFromTownM)) return null;
        const ring = blob(c, rng.range(...k.radiusM), rng, BLOB_VERTICES, BLOB_JITTER);
        return clear(ring, CAMPUS_CLEARANCE_M) ? ring : null;
      }, `a ${k.kind}`);
      const word = rng.pick(PLACE_WORDS);
      addPolygon(ring, k.kind, (v) =>
        k.kind === 'reservoir'
          ? `${v.replace(/[村社区]+$/, '')}水库`
          : k.kind === 'mountain_pond'
            ? `${v}${word}山塘`
            : `${v}${rng.int(1, 9)}组池塘`,
      );
    }
  }
  const nearSchools = rng
    .shuffle(schools.filter((s) => s.parts.length === 1 && s.slot.role === null))
    .slice(0, PONDS_NEAR_SCHOOLS);
  for (const s of nearSchools) {
    const campus = s.parts[0]!;
    const ring = attempt(() => {
      const r = rng.range(...KINDS[2]!.radiusM);
      const reach = Math.max(...campus.map((p) => dist(p, s.point)));
      const c = add(
        s.point,
        polar(reach + r + rng.range(...NEAR_SCHOOL_GAP_M), rng.range(0, 2 * Math.PI)),
      );
      const ring = blob(c, r, rng, BLOB_VERTICES, BLOB_JITTER);
      const gap = ringDistance(ring, campus);
      return gap >= NEAR_SCHOOL_GAP_M[0] &&
        gap <= NEAR_SCHOOL_GAP_M[1] &&
        clear(ring, NEAR_SCHOOL_GAP_M[0])
        ? ring
        : null;
    }, `a pond near ${s.slot.name}`);
    addPolygon(ring, 'pond', () => `${s.slot.name}旁池塘`);
  }
  for (let n = 0; n < DITCHES; n++) {
    const line = attempt(() => {
      const a = randomPoint();
      const b = add(a, polar(rng.range(...DITCH_LENGTH_M), rng.range(0, 2 * Math.PI)));
      const line = wiggle(a, b, rng, 0.08, 50);
      const ok =
        line.every((p) => pointInRing(p, admin.countyRing)) &&
        campuses.every((c) => line.every((p) => dist(p, c[0]!) > 400));
      return ok ? line : null;
    }, 'a ditch');
    const village = villageAt(admin.villages, line[Math.floor(line.length / 2)]!)!;
    features.push(
      waterFeature(
        nextId(),
        { type: 'LineString', coordinates: line.map(toLngLat) },
        `${village.name}灌溉渠`,
        'ditch',
        village,
        rng,
        seed,
      ),
    );
  }
  const pit = attempt(() => {
    const k = rng.int(20, rivers.main.length - 20);
    const p = rivers.main[k]!;
    const side = left(unit(sub(rivers.main[k + 1]!, p)));
    const r = rng.range(...PIT_RADIUS_M);
    const ring = blob(
      add(p, scale(side, (rng.chance(0.5) ? 1 : -1) * (r + rng.range(...PIT_FROM_RIVER_M)))),
      r,
      rng,
      BLOB_VERTICES,
      BLOB_JITTER,
    );
    return clear(ring, CAMPUS_CLEARANCE_M) ? ring : null;
  }, 'the sand pit');
  addPolygon(pit, 'pit', (v) => `清溪河${v}采砂坑`);
  const k = Math.floor(rivers.main.length * 0.7);
  const across = left(unit(sub(rivers.main[k + 1]!, rivers.main[k - 1]!)));
  const dam = [
    add(rivers.main[k]!, scale(across, -DAM_HALF_M)),
    add(rivers.main[k]!, scale(across, DAM_HALF_M)),
  ];
  const damVillage = villageAt(admin.villages, rivers.main[k]!)!;
  features.push(
    waterFeature(
      nextId(),
      { type: 'LineString', coordinates: dam.map(toLngLat) },
      `清溪河${damVillage.name}拦河坝`,
      'dam',
      damVillage,
      rng,
      seed,
    ),
  );
  return { rings, features };
}

function attempt<T>(make: () => T | null, what: string): T {
  for (let i = 0; i < TRIES; i++) {
    const out = make();
    if (out !== null) return out;
  }
  throw new Error(`buildWater: found no room for ${what}`);
}
