// A small seeded PRNG (mulberry32, public domain, Tommy Ettinger) shared by the data
// generators (demo district, synthetic province): 32-bit state, fast, and the same sequence
// on every platform. Each stage forks its own stream by label so that changing one stage
// does not reshuffle the others.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer uniform in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Standard normal (mean 0, sd 1), Box–Muller. */
  gaussian(): number;
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    range: (min, max) => min + next() * (max - min),
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick needs a non-empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
    gaussian: () => {
      const u = 1 - next(); // (0, 1]: log(0) is never taken
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** A stream for one stage: the seed mixed with a hash (FNV-1a) of the stage's label. */
export function forkRng(seed: number, label: string): Rng {
  let hash = 0x811c9dc5;
  for (const ch of label) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return mulberry32((seed ^ hash) >>> 0);
}

/** Index drawn with probability proportional to weights, given their running sums. */
export function pickWeighted(rng: Rng, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1]!;
  const x = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of weights, for pickWeighted. */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}
