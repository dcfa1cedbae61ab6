import type { Position } from '@atlas/model';
import { adminCodeAt, type AdminGrid } from './admin.ts';
import { scaledCount } from './extent.ts';
import { feature, makeId, type ProvinceFeature } from './feature.ts';
import { personName, placeName } from './names.ts';
import { cumulativeOf, forkRng, pickWeighted } from '../lib/rng.ts';
import { blobRing, walkLine } from './shapes.ts';
import { anywhere, nearTown, pickTown, type Towns } from './towns.ts';

// Water bodies: ponds, reservoirs, lakes and pits as star-shaped polygons; rivers, ditches
// and dams as LineStrings. Half lie around towns (wider than the shops), half anywhere.

type WaterKind = ProvinceFeature<'water'>['properties']['kind'];
type Shape =
  | { polygon: true; radiusMinM: number; radiusMaxM: number }
  | { polygon: false; stepM: number; verticesMin: number; verticesMax: number };

// [kind, share, shape, name suffix]
const KINDS: [WaterKind, number, Shape, string][] = [
  ['pond', 0.35, { polygon: true, radiusMinM: 15, radiusMaxM: 80 }, '塘'],
  ['mountain_pond', 0.15, { polygon: true, radiusMinM: 30, radiusMaxM: 150 }, '山塘'],
  ['reservoir', 0.08, { polygon: true, radiusMinM: 200, radiusMaxM: 1_500 }, '水库'],
  ['lake', 0.02, { polygon: true, radiusMinM: 500, radiusMaxM: 3_000 }, '湖'],
  ['pit', 0.05, { polygon: true, radiusMinM: 30, radiusMaxM: 150 }, '矿坑'],
  ['river', 0.2, { polygon: false, stepM: 200, verticesMin: 15, verticesMax: 150 }, '河'],
  ['ditch', 0.14, { polygon: false, stepM: 50, verticesMin: 6, verticesMax: 60 }, '渠'],
  ['dam', 0.01, { polygon: false, stepM: 40, verticesMin: 2, verticesMax: 4 }, '坝'],
];
const KIND_CUMULATIVE = cumulativeOf(KINDS.map((k) => k[1]));
const TOWN_SHARE = 0.5;
const TOWN_SPREAD = 2.5;
/** Keeps the largest lake (radius × (1 + wobble)) inside the province. */
const WATER_MARGIN_M = 4_000;
const BLOB_VERTICES_MIN = 10;
const BLOB_VERTICES_MAX = 32;
const RIVER_TURN_RAD = 0.35;
const SAFETY_CHANCE = 0.5;

export function* water(
  seed: number,
  scale: number,
  towns: Towns,
  grid: AdminGrid,
): Iterable<ProvinceFeature<'water'>> {
  const rng = forkRng(seed, 'water');
  const count = scaledCount('water', scale);
  for (let n = 1; n <= count; n++) {
    const start: Position = rng.chance(TOWN_SHARE)
      ? nearTown(rng, pickTown(rng, towns), TOWN_SPREAD, WATER_MARGIN_M)
      : anywhere(rng, WATER_MARGIN_M);
    const [kind, , shape, suffix] = KINDS[pickWeighted(rng, KIND_CUMULATIVE)]!;
    const geometry: ProvinceFeature<'water'>['geometry'] = shape.polygon
      ? {
          type: 'Polygon',
          coordinates: [
            blobRing(
              rng,
              start,
              rng.range(shape.radiusMinM, shape.radiusMaxM),
              rng.int(BLOB_VERTICES_MIN, BLOB_VERTICES_MAX),
            ),
          ],
        }
      : {
          type: 'LineString',
          coordinates: walkLine(
            rng,
            start,
            rng.int(shape.verticesMin, shape.verticesMax),
            shape.stepM,
            RIVER_TURN_RAD,
          ),
        };
    const adminCode = adminCodeAt(grid, start);
    yield feature('water', makeId('wat', n, 6), geometry, {
      name: placeName(rng, suffix),
      kind,
      safety: {
        warningSign: rng.chance(SAFETY_CHANCE),
        lifebuoy: rng.chance(SAFETY_CHANCE),
        lifeRope: rng.chance(SAFETY_CHANCE),
        lifePole: rng.chance(SAFETY_CHANCE),
        guardrail: rng.chance(SAFETY_CHANCE),
      },
      responsibleUnit: `${adminCode}村委会`,
      responsiblePerson: rng.chance(SAFETY_CHANCE) ? { name: personName(rng) } : null,
      adminCode,
    });
  }
}
