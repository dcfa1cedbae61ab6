import type { Position } from '@atlas/model';
import { clampInside, metresToDegLat, metresToDegLng, offsetM, PROVINCE_BBOX } from './extent.ts';
import { townName } from './names.ts';
import { cumulativeOf, forkRng, pickWeighted, type Rng } from '../lib/rng.ts';

// Town centres with a heavy-tailed size distribution. Town 0 is the provincial capital,
// fixed in place (seed-independent) so benchmarks can aim at it; the others fall at
// random, Zipf-weighted by rank. A clustered feature picks a town by weight, then a
// Gaussian offset whose spread grows slowly with the town's weight, so that bigger towns
// are also denser and the capital is clearly the densest.

export const TOWN_COUNT = 300;
/** Share of the clustered features that fall in the capital. */
const CAPITAL_SHARE = 0.17;
const CAPITAL_SIGMA_M = 5_000;
/** σ ∝ weight^this: < 0.5 makes bigger towns denser, not only wider. */
const SIGMA_WEIGHT_EXPONENT = 0.25;
const MIN_SIGMA_M = 600;
/** Town centres keep this far from the province edge and from each other. */
const TOWN_EDGE_MARGIN_M = 20_000;
const TOWN_SPACING_M = 8_000;
/** Other towns keep out of the capital's disk, so its density is its own. */
const CAPITAL_CLEARANCE_M = 40_000;

/** The densest town: the capital. Stores ≈15 % of all, within radiusM of centre. */
export const PROVINCE_DENSEST_TOWN = {
  name: '江城市',
  centre: [114.3, 30.59] as Position,
  radiusM: 15_000,
} as const;

export interface Town {
  index: number;
  name: string;
  centre: Position;
  /** Share of the clustered features (all towns sum to 1). */
  weight: number;
  sigmaM: number;
}

export interface Towns {
  list: Town[];
  cumulative: Float64Array;
}

/** Planar distance in metres (local approximation; fine at town scale). */
export function distanceM(a: Position, b: Position): number {
  const dx = (a[0] - b[0]) / metresToDegLng(1, a[1]);
  const dy = (a[1] - b[1]) / metresToDegLat(1);
  return Math.hypot(dx, dy);
}

function placeCentres(rng: Rng): Position[] {
  const [w, s, e, n] = PROVINCE_BBOX;
  const centres: Position[] = [PROVINCE_DENSEST_TOWN.centre];
  while (centres.length < TOWN_COUNT) {
    const p = clampInside([rng.range(w, e), rng.range(s, n)], TOWN_EDGE_MARGIN_M);
    if (distanceM(p, PROVINCE_DENSEST_TOWN.centre) < CAPITAL_CLEARANCE_M) continue;
    if (centres.some((c) => distanceM(p, c) < TOWN_SPACING_M)) continue;
    centres.push(p);
  }
  return centres;
}

export function makeTowns(seed: number): Towns {
  const rng = forkRng(seed, 'towns');
  const centres = placeCentres(rng);
  // Zipf by rank for the others: rank k (1-based) weighs 1/(k+1), so the largest other town
  // holds about half as much as the capital.
  const raw = centres.slice(1).map((_, k) => 1 / (k + 2));
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const weights = [CAPITAL_SHARE, ...raw.map((r) => (r / rawSum) * (1 - CAPITAL_SHARE))];
  const list = centres.map((centre, index): Town => {
    const weight = weights[index]!;
    const sigmaM = CAPITAL_SIGMA_M * (weight / CAPITAL_SHARE) ** SIGMA_WEIGHT_EXPONENT;
    return {
      index,
      name: index === 0 ? PROVINCE_DENSEST_TOWN.name : townName(rng, index),
      centre,
      weight,
      sigmaM: Math.max(MIN_SIGMA_M, sigmaM),
    };
  });
  return { list, cumulative: cumulativeOf(weights) };
}

export function pickTown(rng: Rng, towns: Towns): Town {
  return towns.list[pickWeighted(rng, towns.cumulative)]!;
}

/** A point near the town: Gaussian with sd sigmaM × spread, kept marginM inside. */
export function nearTown(rng: Rng, town: Town, spread = 1, marginM = 0): Position {
  const sd = town.sigmaM * spread;
  return clampInside(offsetM(town.centre, rng.gaussian() * sd, rng.gaussian() * sd), marginM);
}

/** A point anywhere in the province, marginM inside. */
export function anywhere(rng: Rng, marginM = 0): Position {
  const [w, s, e, n] = PROVINCE_BBOX;
  return clampInside([rng.range(w, e), rng.range(s, n)], marginM);
}
