import { scaledCount } from './extent.ts';
import { feature, makeId, type ProvinceFeature } from './feature.ts';
import { placeName } from './names.ts';
import { forkRng } from '../lib/rng.ts';
import { walkLine } from './shapes.ts';
import { anywhere } from './towns.ts';

// Long-distance pipelines and power lines: gently turning lines of 20–150 km.

const STEP_M = 2_000;
const VERTICES_MIN = 10;
const VERTICES_MAX = 75;
const TURN_RAD = 0.2;
const POWER_SHARE = 0.5;
const GAS_SHARE = 0.3;
const VOLTAGES_KV = [110, 220, 500];
const OPERATORS = ['国网湖北电力', '省天然气管网公司', '中石化管道公司'];

export function* pipelines(seed: number, scale: number): Iterable<ProvinceFeature<'pipelines'>> {
  const rng = forkRng(seed, 'pipelines');
  const count = scaledCount('pipelines', scale);
  for (let n = 1; n <= count; n++) {
    const r = rng.next();
    const kind = r < POWER_SHARE ? 'hv_power' : r < POWER_SHARE + GAS_SHARE ? 'gas' : 'oil';
    const line = walkLine(
      rng,
      anywhere(rng),
      rng.int(VERTICES_MIN, VERTICES_MAX),
      STEP_M,
      TURN_RAD,
    );
    yield feature(
      'pipelines',
      makeId('pl', n, 4),
      { type: 'LineString', coordinates: line },
      {
        name: placeName(rng, kind === 'hv_power' ? '线' : '管线'),
        kind,
        voltageKv: kind === 'hv_power' ? rng.pick(VOLTAGES_KV) : null,
        operator: rng.pick(OPERATORS),
      },
    );
  }
}
