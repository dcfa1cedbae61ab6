import type { XY } from './local.ts';
import { add, polar } from './planar.ts';
import type { Rng } from '../lib/rng.ts';

// An irregular round outline (ponds, reservoirs, threat zones): vertices at even angles,
// radii jittered. Star-shaped about its centre, so always simple, and counter-clockwise.
// With every radius ≥ r / cos(π / n) it contains the whole disc of radius r.

export function blob(
  centre: XY,
  radiusM: number,
  rng: Rng,
  vertices: number,
  jitter: number,
): XY[] {
  const phase = rng.range(0, 2 * Math.PI);
  const ring: XY[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = phase + (2 * Math.PI * i) / vertices;
    ring.push(add(centre, polar(radiusM * (1 + rng.range(-jitter, jitter)), angle)));
  }
  return ring;
}

/** A blob that surely covers the disc of radius `innerM` about its centre. */
export function coveringBlob(
  centre: XY,
  innerM: number,
  rng: Rng,
  vertices: number,
  swell: number,
): XY[] {
  const minRadius = innerM / Math.cos(Math.PI / vertices);
  const phase = rng.range(0, 2 * Math.PI);
  const ring: XY[] = [];
  for (let i = 0; i < vertices; i++) {
    ring.push(
      add(
        centre,
        polar(minRadius * (1 + rng.range(0, swell)), phase + (2 * Math.PI * i) / vertices),
      ),
    );
  }
  return ring;
}
