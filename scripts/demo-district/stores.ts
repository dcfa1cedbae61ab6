import { type Admin, villageAt } from './admin.ts';
import { type DemoFeature, feature, makeId, provenance } from './features.ts';
import { type XY, toLngLat } from './local.ts';
import { add, dist, distToRing, left, lerp, pointInRing, scale, sub, unit } from './planar.ts';
import type { Rivers } from './rivers.ts';
import type { Rng } from '../lib/rng.ts';
import type { RoadLine, RoadNet } from './roads.ts';
import type { PlacedSchool } from './schools.ts';
import { expiry, isProhibited, pickKind } from './store-kinds.ts';
import type { StandingWater } from './water.ts';

// Stage 7 — shops along the streets: dense in the county seat and the town centres, sparse
// along rural roads. Each stands a few metres off a street. Prohibited shops keep more than
// PLANTED_CLEAR_M from the planted schools, so those schools' findings are exactly the
// planted ones (stage 8).

export const RANDOM_STORES = 1_975;
const SHARE = { seat: 0.46, town: 0.36 }; // the rest along rural roads
const FRONTAGE_M: [number, number] = [8, 25];
const RURAL_FRONTAGE_M: [number, number] = [8, 35];
const RURAL_NEAR_VILLAGE_M = 1_000;
export const PLANTED_CLEAR_M = 300;
const CAMPUS_CLEAR_M = 3;
const NO_OUTLINE_CLEAR_M = 10;
const RIVER_CLEAR_M = 8;
const NEAR_CHECK_M = 600;
const TRIES = 200;

/** Where a shop's position came from, with its typical positional uncertainty. */
const SOURCES = [
  {
    share: 0.6,
    detail: '市场监管局经营主体登记（模拟）',
    crs: 'EPSG:4490',
    uncertaintyM: (r: Rng) => Math.round(r.range(5, 15)),
  },
  { share: 0.3, detail: '高德 POI（模拟）', crs: 'GCJ-02', uncertaintyM: () => 10 },
  { share: 0.1, detail: '现场核查（模拟）', crs: 'EPSG:4326', uncertaintyM: () => 3 },
];

export function buildStores(
  admin: Admin,
  net: RoadNet,
  schools: PlacedSchool[],
  rivers: Rivers,
  water: StandingWater,
  rng: Rng,
  seed: number,
): DemoFeature<'stores'>[] {
  const streets = net.lines.filter(
    (l) => !l.name.endsWith('出入口') && l.class !== 'expressway' && l.class !== 'path',
  );
  const seat = streets.filter(
    (l) => l.class.startsWith('urban') || (l.class === 'local' && !/(大街|横街)$/.test(l.name)),
  );
  const town = streets.filter((l) => /(大街|横街)$/.test(l.name));
  const rural = streets.filter((l) =>
    ['village', 'county', 'township', 'provincial', 'national'].includes(l.class),
  );
  const villageCentres = admin.villages.filter((v) => !v.isCommunity).map((v) => v.centre);
  const campuses = schools.flatMap((s) => s.parts);
  const noOutline = schools.filter((s) => s.parts.length === 0).map((s) => s.point);
  const planted = schools.filter((s) => s.slot.role === 'planted').flatMap((s) => s.parts);
  const ok = (p: XY, prohibited: boolean) =>
    pointInRing(p, admin.countyRing) &&
    campuses.every(
      (c) =>
        dist(c[0]!, p) > NEAR_CHECK_M || (!pointInRing(p, c) && distToRing(p, c) >= CAMPUS_CLEAR_M),
    ) &&
    noOutline.every((q) => dist(q, p) >= NO_OUTLINE_CLEAR_M) &&
    !rivers.index.near(p, RIVER_CLEAR_M) &&
    water.rings.every((w) => dist(w[0]!, p) > NEAR_CHECK_M * 2 || !pointInRing(p, w)) &&
    (!prohibited ||
      planted.every((c) => pointInRing(p, c) === false && distToRing(p, c) > PLANTED_CLEAR_M));

  const stores: DemoFeature<'stores'>[] = [];
  for (let n = 0; n < RANDOM_STORES; n++) {
    const x = n / RANDOM_STORES;
    const pool = x < SHARE.seat ? seat : x < SHARE.seat + SHARE.town ? town : rural;
    const kind = pickKind(rng);
    const prohibited = isProhibited(kind.categories);
    const spot = attempt(() => {
      const s = frontage(pool, rng, pool === rural ? RURAL_FRONTAGE_M : FRONTAGE_M);
      if (pool === rural && villageCentres.every((c) => dist(c, s.at) > RURAL_NEAR_VILLAGE_M))
        return null;
      return ok(s.at, prohibited) ? s : null;
    });
    const village = villageAt(admin.villages, spot.at);
    const source = pickSource(rng);
    const licence = prohibited && rng.chance(0.05) ? null : kind.licence(rng);
    const addr =
      village && (pool === rural || spot.road.class === 'village')
        ? `${village.name}${rng.int(1, 9)}组`
        : `${spot.road.name.replace(/^[A-Z]\d+ /, '')}${rng.int(1, 399)}号`;
    stores.push(
      feature(
        'stores',
        makeId('sto', n + 1, 4),
        { type: 'Point', coordinates: toLngLat(spot.at) },
        {
          name: kind.name(rng),
          categories: kind.categories,
          entertainmentSubtype: kind.subtype,
          licenceNo: licence,
          licenceExpiry: licence === null ? null : expiry(rng),
          address: `云溪县${village?.township.name ?? ''}${addr}`,
          uncertaintyM: source.uncertaintyM(rng),
          adminCode: village?.code ?? null,
          provenance: provenance(seed, source.detail, source.crs),
        },
      ),
    );
  }
  return stores;
}

function frontage(pool: RoadLine[], rng: Rng, offsetM: [number, number]) {
  const road = rng.pick(pool);
  const k = rng.int(0, road.pts.length - 2);
  const a = road.pts[k]!;
  const b = road.pts[k + 1]!;
  const side = rng.chance(0.5) ? 1 : -1;
  const at: XY = add(
    lerp(a, b, rng.next()),
    scale(left(unit(sub(b, a))), side * rng.range(...offsetM)),
  );
  return { at, road };
}

function pickSource(rng: Rng) {
  let x = rng.next();
  for (const s of SOURCES) if ((x -= s.share) < 0) return s;
  return SOURCES[0]!;
}

function attempt<T>(make: () => T | null): T {
  for (let i = 0; i < TRIES; i++) {
    const out = make();
    if (out !== null) return out;
  }
  throw new Error('buildStores: found no free frontage for a shop');
}
