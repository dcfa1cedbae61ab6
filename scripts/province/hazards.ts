import type { Areal, Position } from '@atlas/model';
import { hazardScale, hazardStatus, hazardType } from '@atlas/model';
import { adminCodeAt, type AdminGrid } from './admin.ts';
import { clampInside, PROVINCE_BBOX, scaledCount } from './extent.ts';
import { feature, makeId, type ProvinceFeature } from './feature.ts';
import { fakePhone, personName, placeName } from './names.ts';
import { forkRng, type Rng } from '../lib/rng.ts';
import { blobRing } from './shapes.ts';
import { anywhere, nearTown, pickTown, type Towns } from './towns.ts';

// Geological hazard points: most in the western mountains (west of MOUNTAIN_EAST_LNG, as
// in Hubei), the rest around towns (cut slopes, karst under settlements). About a quarter
// carry a threat zone drawn by specialists; the rest only an assumed threat radius.

const MOUNTAIN_EAST_LNG = 111.5;
const MOUNTAIN_SHARE = 0.65;
/** Town hazards spread wider than the town's shops. */
const TOWN_SPREAD = 3;
const THREAT_ZONE_SHARE = 0.25;
const THREAT_ZONE_RADIUS_MIN_M = 80;
const THREAT_ZONE_RADIUS_MAX_M = 500;
const THREAT_ZONE_VERTICES_MIN = 8;
const THREAT_ZONE_VERTICES_MAX = 20;
const ZONE_MARGIN_M = 1_000;
const ASSUMED_RADII_M = [100, 200, 300];
const MAX_THREATENED_PEOPLE = 500;
const OBJECTS = ['居民房屋', '村道', '学校', '农田', '公路', '居民房屋、村道'];
const TYPES = hazardType.schema.options;
const SCALES = hazardScale.schema.options;
const STATUSES = hazardStatus.schema.options;

function mountainPoint(rng: Rng): Position {
  const [w, s, , n] = PROVINCE_BBOX;
  return clampInside([rng.range(w, MOUNTAIN_EAST_LNG), rng.range(s, n)], ZONE_MARGIN_M);
}

export function* hazards(
  seed: number,
  scale: number,
  towns: Towns,
  grid: AdminGrid,
): Iterable<ProvinceFeature<'hazards'>> {
  const rng = forkRng(seed, 'hazards');
  const count = scaledCount('hazards', scale);
  for (let n = 1; n <= count; n++) {
    const r = rng.next();
    const position =
      r < MOUNTAIN_SHARE
        ? mountainPoint(rng)
        : r < (1 + MOUNTAIN_SHARE) / 2
          ? nearTown(rng, pickTown(rng, towns), TOWN_SPREAD, ZONE_MARGIN_M)
          : anywhere(rng, ZONE_MARGIN_M);
    let threatZone: Areal | null = null;
    if (rng.chance(THREAT_ZONE_SHARE)) {
      const radiusM = rng.range(THREAT_ZONE_RADIUS_MIN_M, THREAT_ZONE_RADIUS_MAX_M);
      const vertices = rng.int(THREAT_ZONE_VERTICES_MIN, THREAT_ZONE_VERTICES_MAX);
      threatZone = { type: 'Polygon', coordinates: [blobRing(rng, position, radiusM, vertices)] };
    }
    const adminCode = adminCodeAt(grid, position);
    yield feature(
      'hazards',
      makeId('haz', n, 6),
      { type: 'Point', coordinates: position },
      {
        code: `${adminCode.slice(0, 6)}${String(n).padStart(6, '0')}`,
        name: placeName(rng, '滑坡'),
        type: rng.pick(TYPES),
        scale: rng.pick(SCALES),
        threatZone,
        assumedThreatRadiusM: threatZone ? null : rng.pick(ASSUMED_RADII_M),
        threatenedPeople: rng.int(0, MAX_THREATENED_PEOPLE),
        threatenedObjects: rng.pick(OBJECTS),
        monitor: rng.chance(0.8) ? { name: personName(rng), phone: fakePhone(n) } : null,
        status: rng.pick(STATUSES),
        adminCode,
      },
    );
  }
}
