import type { WaterProps } from '@atlas/model';
import type { z } from 'zod';
import type { Village } from './admin.ts';
import { type DemoFeature, fakePhone, feature, provenance } from './features.ts';
import { GIVEN_NAMES, SURNAMES } from './names.ts';
import type { Rng } from '../lib/rng.ts';

// Properties shared by every water feature: the "四个一" equipment (警示牌, 救生圈, 救生绳,
// 救生杆) plus a guardrail, drawn with a likelihood that depends on the kind of water,
// and the village in which it lies as the responsible unit (责任单位).

type WaterKind = z.infer<typeof WaterProps>['kind'];
type Safety = z.infer<typeof WaterProps>['safety'];

/** Probability of each item per kind: sign, lifebuoy, rope, pole, guardrail. */
const EQUIPPED: Record<WaterKind, [number, number, number, number, number]> = {
  river: [0.8, 0.5, 0.4, 0.3, 0.2],
  reservoir: [0.95, 0.8, 0.7, 0.6, 0.5],
  mountain_pond: [0.6, 0.35, 0.3, 0.25, 0.2],
  pond: [0.4, 0.2, 0.15, 0.1, 0.1],
  ditch: [0.3, 0.05, 0.05, 0.05, 0.1],
  pit: [0.5, 0.1, 0.1, 0.1, 0.3],
  lake: [0.9, 0.7, 0.6, 0.5, 0.4],
  dam: [0.9, 0.6, 0.5, 0.4, 0.8],
};

export function safetyFor(kind: WaterKind, rng: Rng): Safety {
  const [sign, buoy, rope, pole, rail] = EQUIPPED[kind];
  return {
    warningSign: rng.chance(sign),
    lifebuoy: rng.chance(buoy),
    lifeRope: rng.chance(rope),
    lifePole: rng.chance(pole),
    guardrail: rng.chance(rail),
  };
}

export function unitOf(v: Village): string {
  return `${v.township.name}${v.name}${v.isCommunity ? '居委会' : '村委会'}`;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

export function waterFeature(
  id: string,
  geometry: DemoFeature<'water'>['geometry'],
  name: string,
  kind: WaterKind,
  village: Village,
  rng: Rng,
  seed: number,
): DemoFeature<'water'> {
  return feature('water', id, geometry, {
    name,
    kind,
    safety: safetyFor(kind, rng),
    responsibleUnit: unitOf(village),
    responsiblePerson: rng.chance(0.85)
      ? { name: personName(rng), phone: fakePhone(rng.int(0, 9999)) }
      : null,
    adminCode: village.code,
    provenance: provenance(seed, '危险水域排查（演示）'),
  });
}
