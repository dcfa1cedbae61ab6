import type { Position } from '@atlas/model';
import { scaledCount } from './extent.ts';
import { feature, isoDate, makeId, type ProvinceFeature } from './feature.ts';
import { forkRng } from '../lib/rng.ts';
import { walkLine } from './shapes.ts';

// School bus routes: a wandering line of 20–200 vertices starting at a school, serving
// that school (and sometimes the next one generated), with a stop every few vertices.

export interface SchoolAnchor {
  code: string;
  position: Position;
}

const VERTICES_MIN = 20;
const VERTICES_MAX = 200;
const STEP_MIN_M = 100;
const STEP_MAX_M = 400;
const TURN_RAD = 0.4;
const VERTICES_PER_STOP = 10;
const SECOND_SCHOOL_CHANCE = 0.3;
const SPEED_LIMITS_KMH = [40, 60];
const APPROVED_BASE_DATE = '2024-01-01';
const APPROVED_SPAN_DAYS = 365;
const OPERATORS = ['江城公交集团', '楚运客运公司', '荆楚校车服务公司', '汉江客运站'];

export function* routes(
  seed: number,
  scale: number,
  schools: readonly SchoolAnchor[],
): Iterable<ProvinceFeature<'routes'>> {
  if (schools.length === 0) throw new Error('routes: expected at least one school to serve');
  const rng = forkRng(seed, 'routes');
  const count = scaledCount('routes', scale);
  for (let n = 1; n <= count; n++) {
    const k = rng.int(0, schools.length - 1);
    const school = schools[k]!;
    const next = schools[(k + 1) % schools.length]!;
    const line = walkLine(
      rng,
      school.position,
      rng.int(VERTICES_MIN, VERTICES_MAX),
      rng.range(STEP_MIN_M, STEP_MAX_M),
      TURN_RAD,
    );
    const name = `校车${n}路`;
    const stops = line
      .filter((_, v) => v % VERTICES_PER_STOP === 0)
      .map((position, s) => ({ name: `${name}第${s + 1}站`, position }));
    const schoolCodes =
      rng.chance(SECOND_SCHOOL_CHANCE) && next !== school
        ? [school.code, next.code]
        : [school.code];
    yield feature(
      'routes',
      makeId('rte', n, 5),
      { type: 'LineString', coordinates: line },
      {
        name,
        schoolCodes,
        operator: rng.pick(OPERATORS),
        plate: `鄂A·${String(n).padStart(5, '0')}`,
        approvedOn: isoDate(APPROVED_BASE_DATE, rng.int(0, APPROVED_SPAN_DAYS)),
        stops,
        speedLimitKmh: rng.pick(SPEED_LIMITS_KMH),
      },
    );
  }
}
