import type { Areal, Position } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';

// An independent check of planted distances, deliberately unlike their construction:
// each edge is taken as the straight segment in lng/lat, sampled every SAMPLE_STEP_M with
// GeographicLib's Inverse, and the best sample refined by golden-section search. Inside
// the campus (outside every hole) the distance is 0.

const SAMPLE_STEP_M = 1;
const REFINE_ITERATIONS = 60;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export function outlineDistanceM(p: Position, campus: Areal): number {
  const polygons = campus.type === 'Polygon' ? [campus.coordinates] : campus.coordinates;
  if (
    polygons.some(
      (rings) => insideRing(p, rings[0]!) && !rings.slice(1).some((h) => insideRing(p, h)),
    )
  )
    return 0;
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++)
      best = Math.min(best, segmentDistanceM(p, ring[i - 1]!, ring[i]!));
  }
  return best;
}

function segmentDistanceM(p: Position, a: Position, b: Position): number {
  const at = (t: number): Position => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const f = (t: number) => geodesicDistanceM(p, at(t));
  const n = Math.max(1, Math.ceil(geodesicDistanceM(a, b) / SAMPLE_STEP_M));
  let bestK = 0;
  let bestD = Infinity;
  for (let k = 0; k <= n; k++) {
    const d = f(k / n);
    if (d < bestD) [bestK, bestD] = [k, d];
  }
  let lo = Math.max(0, (bestK - 1) / n);
  let hi = Math.min(1, (bestK + 1) / n);
  for (let i = 0; i < REFINE_ITERATIONS; i++) {
    const m1 = hi - GOLDEN * (hi - lo);
    const m2 = lo + GOLDEN * (hi - lo);
    if (f(m1) < f(m2)) hi = m2;
    else lo = m1;
  }
  return Math.min(bestD, f((lo + hi) / 2));
}

/** Even–odd ray test on a closed lng/lat ring. */
export function insideRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (
      a[1] > p[1] !== b[1] > p[1] &&
      p[0] < a[0] + ((p[1] - a[1]) / (b[1] - a[1])) * (b[0] - a[0])
    )
      inside = !inside;
  }
  return inside;
}
