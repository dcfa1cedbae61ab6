import type { XY } from './local.ts';
import { add, densify, dist, left, lerp, scale, sub, unit } from './planar.ts';
import type { Rng } from '../lib/rng.ts';

// A natural-looking line between two fixed ends (roads, rivers, pipelines): recursive
// midpoint displacement sideways, then vertices every stepM. The ends are kept exactly,
// so a line that ends on another line's vertex shares that vertex (the network connects).

const WIGGLE_DEPTH = 4;

export function wiggle(a: XY, b: XY, rng: Rng, amplitude: number, stepM: number): XY[] {
  const pts: XY[] = [a, ...displace(a, b, rng, amplitude, WIGGLE_DEPTH), b];
  return densify(pts, stepM);
}

function displace(a: XY, b: XY, rng: Rng, amplitude: number, depth: number): XY[] {
  if (depth === 0 || dist(a, b) < 1) return [];
  const side = left(unit(sub(b, a)));
  const mid = add(lerp(a, b, 0.5), scale(side, rng.range(-amplitude, amplitude) * dist(a, b)));
  return [
    ...displace(a, mid, rng, amplitude, depth - 1),
    mid,
    ...displace(mid, b, rng, amplitude, depth - 1),
  ];
}
