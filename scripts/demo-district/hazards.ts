import type { HazardProps } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';
import type { z } from 'zod';
import { type Admin, villageAt } from './admin.ts';
import { blob, coveringBlob } from './blob.ts';
import { type DemoFeature, fakePhone, feature, makeId, provenance } from './features.ts';
import { type XY, toClosedRing, toLngLat } from './local.ts';
import { PLACE_WORDS } from './names.ts';
import { add, dist, lerp, pointInRing, polar, ringDistance, scale, sub, unit } from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import type { PlacedSchool } from './schools.ts';
import type { SegmentIndex } from './segment-index.ts';
import { personName } from './water-props.ts';

// Stage 6 — geological hazard points (地质灾害隐患点) on the hills, all seven types. About
// half have a threat zone (危险区) drawn by specialists; the others only an ASSUMED threat
// radius. Two are placed on purpose: one whose threat zone covers a whole campus, one whose
// assumed radius covers a whole campus. Every other hazard keeps well clear of all schools.

type HazardType = z.infer<typeof HazardProps>['type'];

export interface Hazards {
  features: DemoFeature<'hazards'>[];
  /** Schools threatened on purpose, the ground truth for the manifest. */
  threatened: { schoolId: string; hazardId: string; via: 'threat_zone' | 'assumed_radius' }[];
}

const HAZARDS = 40;
const TYPES: HazardType[] = [
  'landslide',
  'debris_flow',
  'rockfall',
  'ground_collapse',
  'karst_collapse',
  'unstable_slope',
  'piping',
];
/** Landslides and unstable slopes dominate in western Hubei; every type appears at least once. */
const TYPE_WEIGHTS = [10, 4, 6, 2, 2, 6, 1];
const TYPE_LABEL: Record<HazardType, string> = {
  landslide: '滑坡',
  debris_flow: '泥石流',
  rockfall: '崩塌',
  ground_collapse: '地面塌陷',
  karst_collapse: '岩溶塌陷',
  unstable_slope: '不稳定斜坡',
  piping: '管涌',
};
const ASSUMED_RADII_M = [100, 150, 200, 300];
const ZONE_RADIUS_M: [number, number] = [60, 250];
const ZONE_VERTICES = 16;
const MIN_FROM_TOWN_M = 2_000;
const ROAD_CLEARANCE_M = 30;
const SCHOOL_MARGIN_M = 150;
const ZONE_SCHOOL_OFFSET_M = 80;
const ZONE_COVER_MARGIN_M = 40;
const RADIUS_SCHOOL_OFFSET_M = 100;
const RADIUS_SCHOOL_RADIUS_M = 200;
const RADIUS_COVER_MARGIN_M = 10;
const TRIES = 5_000;

export function buildHazards(
  admin: Admin,
  schools: PlacedSchool[],
  roadIndex: SegmentIndex,
  rng: Rng,
  seed: number,
): Hazards {
  const features: DemoFeature<'hazards'>[] = [];
  const threatened: Hazards['threatened'] = [];
  const types = [...TYPES, ...Array.from({ length: HAZARDS - TYPES.length }, () => weighted(rng))];
  const footprints = schools.map((s) => (s.parts.length ? s.parts : [[s.point, s.point, s.point]]));
  const add1 = (
    at: XY,
    type: HazardType,
    zone: XY[] | null,
    radiusM: number | null,
    objects: string | null,
  ) => {
    const village = villageAt(admin.villages, at)!;
    const id = makeId('haz', features.length + 1, 3);
    const people = rng.int(3, 180);
    const status = rng.pick([
      'active',
      'active',
      'monitoring',
      'monitoring',
      'treated',
      'cancelled',
    ] as const);
    features.push(
      feature(
        'hazards',
        id,
        { type: 'Point', coordinates: toLngLat(at) },
        {
          code: village.township.code + String(features.length + 1).padStart(3, '0'),
          name: `${village.name}${rng.pick(PLACE_WORDS)}${TYPE_LABEL[type]}`,
          type,
          scale: rng.pick([
            'small',
            'small',
            'small',
            'medium',
            'medium',
            'large',
            'huge',
          ] as const),
          threatZone: zone ? { type: 'Polygon', coordinates: [toClosedRing(zone)] } : null,
          assumedThreatRadiusM: radiusM,
          threatenedPeople: people,
          threatenedObjects: objects ?? `${Math.ceil(people / 3.5)}户${people}人、村道`,
          monitor:
            status === 'cancelled'
              ? null
              : { name: personName(rng), phone: fakePhone(rng.int(0, 9999)) },
          status,
          adminCode: village.code,
          provenance: provenance(seed, '地质灾害隐患点台账（演示）', 'EPSG:4490'),
        },
      ),
    );
    return id;
  };

  const zoneSchool = schools.find((s) => s.slot.role === 'hazard_zone')!;
  const campus = zoneSchool.parts[0]!;
  const reach = Math.max(...campus.map((p) => dist(p, zoneSchool.point)));
  const at = add(zoneSchool.point, polar(reach + ZONE_SCHOOL_OFFSET_M, rng.range(0, 2 * Math.PI)));
  const mid = lerp(at, zoneSchool.point, 0.5);
  const cover = Math.max(...campus.map((p) => dist(p, mid)), dist(at, mid)) + ZONE_COVER_MARGIN_M;
  const zone = coveringBlob(mid, cover, rng, ZONE_VERTICES, 0.15);
  if (!campus.every((p) => pointInRing(p, zone)))
    throw new Error('buildHazards: the threat zone does not cover the campus');
  threatened.push({
    schoolId: zoneSchool.id,
    hazardId: add1(at, 'landslide', zone, null, `${zoneSchool.slot.name}师生及周边8户31人`),
    via: 'threat_zone',
  });

  const radiusSchool = schools.find((s) => s.slot.role === 'hazard_radius')!;
  const at2 = add(radiusSchool.point, polar(RADIUS_SCHOOL_OFFSET_M, rng.range(0, 2 * Math.PI)));
  const farthest = Math.max(
    ...radiusSchool.parts[0]!.map((p) => geodesicDistanceM(toLngLat(p), toLngLat(at2))),
  );
  if (farthest > RADIUS_SCHOOL_RADIUS_M - RADIUS_COVER_MARGIN_M)
    throw new Error('buildHazards: the assumed radius does not cover the campus');
  threatened.push({
    schoolId: radiusSchool.id,
    hazardId: add1(at2, 'rockfall', null, RADIUS_SCHOOL_RADIUS_M, `${radiusSchool.slot.name}师生`),
    via: 'assumed_radius',
  });

  for (const type of types.slice(2)) {
    for (let i = 0; ; i++) {
      if (i === TRIES) throw new Error('buildHazards: no room for another hazard');
      const p = polar(rng.range(0, 13_500), rng.range(0, 2 * Math.PI));
      if (
        !pointInRing(p, admin.countyRing) ||
        admin.townships.some((t) => dist(t.centre, p) < MIN_FROM_TOWN_M) ||
        roadIndex.near(p, ROAD_CLEARANCE_M)
      )
        continue;
      const hasZone = rng.chance(0.5);
      const zone = hasZone
        ? blob(
            add(p, scale(unit(sub(p, [0, 0])), rng.range(0, 40))),
            rng.range(...ZONE_RADIUS_M),
            rng,
            ZONE_VERTICES,
            0.25,
          )
        : null;
      const radius = hasZone ? null : rng.pick(ASSUMED_RADII_M);
      const clearOfSchools = footprints.every((parts) =>
        parts.every((ring) =>
          zone
            ? ringDistance(zone, ring) > SCHOOL_MARGIN_M
            : ring.every((q) => dist(q, p) > radius! + SCHOOL_MARGIN_M),
        ),
      );
      if (!clearOfSchools) continue;
      add1(p, type, zone, radius, null);
      break;
    }
  }
  return { features, threatened };
}

function weighted(rng: Rng): HazardType {
  const total = TYPE_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = rng.range(0, total);
  for (let i = 0; i < TYPES.length; i++) if ((x -= TYPE_WEIGHTS[i]!) < 0) return TYPES[i]!;
  return TYPES[0]!;
}
