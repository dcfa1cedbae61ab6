import { type DemoFeature, feature, provenance } from './features.ts';
import { type XY, toClosedRing } from './local.ts';
import {
  COUNTY_CODE,
  COUNTY_NAME,
  PREFECTURE_CODE,
  SEAT_COMMUNITIES,
  TOWNSHIPS,
  VILLAGE_NAMES,
} from './names.ts';
import { dist, distToRing, pointInRing, polar } from './planar.ts';
import type { Rng } from '../lib/rng.ts';
import { voronoiTiles } from './voronoi.ts';

// Stage 1 — administrative areas: a wavy convex county (~30 × 30 km), townships as Voronoi
// cells of the town seeds clipped to it, villages as Voronoi cells inside each township.

const COUNTY_RADIUS_M = 14_500;
const COUNTY_VERTICES = 48;
// Harmonics small enough that the outline stays convex (r² + 2r'² − r·r'' > 0).
const COUNTY_WAVES = [
  { k: 2, amplitude: 0.04 },
  { k: 3, amplitude: 0.03 },
  { k: 5, amplitude: 0.012 },
];
/** The county seat, a little off the centre. */
export const SEAT_XY: XY = [600, -400];
const TOWN_RADIUS_M: [number, number] = [8_000, 10_000];
const TOWN_ANGLE_JITTER_RAD = 0.2;
const SNAP_M = 1e-3;
/** Villages per township besides the town-centre community (seat: 6 communities + 4). */
const VILLAGES_PER_TOWNSHIP = [4, 7, 6, 6, 6, 6, 6, 6];
const COMMUNITY_SPACING_M = 500;
const VILLAGE_SPACING_M = 1_500;
const SEAT_COMMUNITY_BOX_M: XY = [1_100, 800];
const SEAT_VILLAGE_MIN_FROM_SEAT_M = 1_800;
const VILLAGE_MIN_FROM_BORDER_M = 400;
const SAMPLE_TRIES = 4_000;

export interface Township {
  index: number;
  code: string;
  name: string;
  short: string;
  centre: XY;
  ring: XY[];
  isSeat: boolean;
}

export interface Village {
  code: string;
  name: string;
  township: Township;
  centre: XY;
  ring: XY[];
  isCommunity: boolean;
  /** The community holding the town centre (or the seat's first community). */
  isTownCentre: boolean;
}

export interface Admin {
  countyRing: XY[];
  townships: Township[];
  villages: Village[];
  features: DemoFeature<'admin_areas'>[];
}

export function buildAdmin(rng: Rng, seed: number): Admin {
  const countyRing = countyOutline(rng);
  const centres = townCentres(rng);
  const townshipRings = voronoiTiles(countyRing, centres, SNAP_M);
  const townships: Township[] = TOWNSHIPS.map((t, index) => ({
    index,
    code: COUNTY_CODE + t.code,
    name: t.name,
    short: t.short,
    centre: centres[index]!,
    ring: townshipRings[index]!,
    isSeat: index === 0,
  }));
  const names = rng.shuffle(VILLAGE_NAMES);
  const villages = townships.flatMap((t) => villagesOf(t, rng, names));
  const prov = provenance(seed, '行政区划（演示）');
  const area = (
    code: string,
    name: string,
    level: DemoFeature<'admin_areas'>['properties']['level'],
    parent: string,
    ring: XY[],
  ) =>
    feature(
      'admin_areas',
      `adm-${code}`,
      { type: 'Polygon', coordinates: [toClosedRing(ring)] },
      {
        code,
        name,
        level,
        parentCode: parent,
        provenance: prov,
      },
    );
  const features = [
    area(COUNTY_CODE, COUNTY_NAME, 'county', PREFECTURE_CODE, countyRing),
    ...townships.map((t) => area(t.code, t.name, 'township', COUNTY_CODE, t.ring)),
    ...villages.map((v) => area(v.code, v.name, 'village', v.township.code, v.ring)),
  ];
  return { countyRing, townships, villages, features };
}

function countyOutline(rng: Rng): XY[] {
  const phases = COUNTY_WAVES.map(() => rng.range(0, 2 * Math.PI));
  const ring: XY[] = [];
  for (let i = 0; i < COUNTY_VERTICES; i++) {
    const theta = (2 * Math.PI * i) / COUNTY_VERTICES;
    let r = 1;
    COUNTY_WAVES.forEach((w, j) => (r += w.amplitude * Math.sin(w.k * theta + phases[j]!)));
    ring.push(polar(COUNTY_RADIUS_M * r, theta));
  }
  return ring;
}

function townCentres(rng: Rng): XY[] {
  const others = TOWNSHIPS.length - 1;
  const start = rng.range(0, 2 * Math.PI);
  const centres: XY[] = [SEAT_XY];
  for (let k = 0; k < others; k++) {
    const angle =
      start + (2 * Math.PI * k) / others + rng.range(-TOWN_ANGLE_JITTER_RAD, TOWN_ANGLE_JITTER_RAD);
    centres.push(polar(rng.range(...TOWN_RADIUS_M), angle));
  }
  return centres;
}

function villagesOf(t: Township, rng: Rng, names: string[]): Village[] {
  const seeds: { centre: XY; name: string; community: boolean }[] = [];
  const communityNames = t.isSeat ? SEAT_COMMUNITIES : [t.short];
  for (const name of communityNames) {
    const centre =
      seeds.length === 0
        ? t.centre
        : sampleSite(
            rng,
            t,
            seeds.map((s) => s.centre),
            true,
          );
    seeds.push({ centre, name: `${name}社区`, community: true });
  }
  for (let k = 0; k < VILLAGES_PER_TOWNSHIP[t.index]!; k++) {
    const centre = sampleSite(
      rng,
      t,
      seeds.map((s) => s.centre),
      false,
    );
    const name = names.shift();
    if (name === undefined) throw new Error('villagesOf: VILLAGE_NAMES ran out of names');
    seeds.push({ centre, name: `${name}村`, community: false });
  }
  const rings = voronoiTiles(
    t.ring,
    seeds.map((s) => s.centre),
    SNAP_M,
  );
  let communities = 0;
  let villageNo = 0;
  return seeds.map((s, i) => ({
    code:
      t.code + (s.community ? String(++communities).padStart(3, '0') : String(200 + ++villageNo)),
    name: s.name,
    township: t,
    centre: s.centre,
    ring: rings[i]!,
    isCommunity: s.community,
    isTownCentre: i === 0,
  }));
}

function sampleSite(rng: Rng, t: Township, taken: XY[], community: boolean): XY {
  const spacing = community ? COMMUNITY_SPACING_M : VILLAGE_SPACING_M;
  const xs = t.ring.map((p) => p[0]);
  const ys = t.ring.map((p) => p[1]);
  for (let attempt = 0; attempt < SAMPLE_TRIES; attempt++) {
    // Relax the spacing slowly if the township is crowded.
    const minSpacing = spacing * (1 - attempt / (2 * SAMPLE_TRIES));
    const p: XY = community
      ? [
          t.centre[0] + rng.range(-1, 1) * SEAT_COMMUNITY_BOX_M[0],
          t.centre[1] + rng.range(-1, 1) * SEAT_COMMUNITY_BOX_M[1],
        ]
      : [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
    if (!pointInRing(p, t.ring) || distToRing(p, t.ring) < VILLAGE_MIN_FROM_BORDER_M) continue;
    if (taken.some((q) => dist(p, q) < minSpacing)) continue;
    if (!community && t.isSeat && dist(p, t.centre) < SEAT_VILLAGE_MIN_FROM_SEAT_M) continue;
    return p;
  }
  throw new Error(`sampleSite: no room for another village in ${t.name}`);
}

/** The village whose polygon contains p (villages tile the county), or null outside. */
export function villageAt(villages: readonly Village[], p: XY): Village | null {
  return villages.find((v) => pointInRing(p, v.ring)) ?? null;
}
