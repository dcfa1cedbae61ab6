import type { XY } from './local.ts';

// Plane geometry on local metres, for laying the district out (never for audit distances).
// Rings are open: the first vertex is not repeated at the end.

export const add = (a: XY, b: XY): XY => [a[0] + b[0], a[1] + b[1]];
export const sub = (a: XY, b: XY): XY => [a[0] - b[0], a[1] - b[1]];
export const scale = (a: XY, k: number): XY => [a[0] * k, a[1] * k];
export const dot = (a: XY, b: XY) => a[0] * b[0] + a[1] * b[1];
export const cross = (a: XY, b: XY) => a[0] * b[1] - a[1] * b[0];
export const length = (a: XY) => Math.hypot(a[0], a[1]);
export const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
export const lerp = (a: XY, b: XY, t: number): XY => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
];
export const unit = (a: XY): XY => scale(a, 1 / length(a));
/** The vector turned 90° counter-clockwise (to the left). */
export const left = (a: XY): XY => [-a[1], a[0]];
export const polar = (radiusM: number, angleRad: number): XY => [
  radiusM * Math.cos(angleRad),
  radiusM * Math.sin(angleRad),
];

/** Signed area (positive when counter-clockwise), square metres. */
export function signedArea(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) sum += cross(ring[i]!, ring[(i + 1) % ring.length]!);
  return sum / 2;
}

export function centroid(ring: readonly XY[]): XY {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const c = cross(p, q);
    a += c;
    cx += (p[0] + q[0]) * c;
    cy += (p[1] + q[1]) * c;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

export function pointInRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = a[0] + ((p[1] - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
      if (p[0] < x) inside = !inside;
    }
  }
  return inside;
}

export function distToSegment(p: XY, a: XY, b: XY): number {
  const ab = sub(b, a);
  const len2 = dot(ab, ab);
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, dot(sub(p, a), ab) / len2));
  return dist(p, lerp(a, b, t));
}

export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(sub(b, a), sub(c, a));
  const d2 = cross(sub(b, a), sub(d, a));
  const d3 = cross(sub(d, c), sub(a, c));
  const d4 = cross(sub(d, c), sub(b, c));
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Distance from a point to a ring's outline (0 is not returned for inside points). */
export function distToRing(p: XY, ring: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    best = Math.min(best, distToSegment(p, ring[i]!, ring[(i + 1) % ring.length]!));
  }
  return best;
}

/** Distance between two polygons given by their outer rings; 0 when they overlap. */
export function ringDistance(a: readonly XY[], b: readonly XY[]): number {
  if (pointInRing(a[0]!, b) || pointInRing(b[0]!, a)) return 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const a1 = a[i]!;
      const a2 = a[(i + 1) % a.length]!;
      if (segmentsIntersect(a1, a2, b[j]!, b[(j + 1) % b.length]!)) return 0;
    }
  }
  let best = Infinity;
  for (const p of a) best = Math.min(best, distToRing(p, b));
  for (const p of b) best = Math.min(best, distToRing(p, a));
  return best;
}

export function isConvex(ring: readonly XY[]): boolean {
  let sign = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const c = ring[(i + 2) % ring.length]!;
    const turn = cross(sub(b, a), sub(c, b));
    if (turn === 0) continue;
    if (sign !== 0 && Math.sign(turn) !== sign) return false;
    sign = Math.sign(turn);
  }
  return true;
}

/** True when no two non-adjacent edges of the ring cross. */
export function isSimpleRing(ring: readonly XY[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[(j + 1) % n]!)) return false;
    }
  }
  return true;
}

/** Points along a polyline every `stepM` metres (ends kept), for roads and rivers. */
export function densify(line: readonly XY[], stepM: number): XY[] {
  const out: XY[] = [line[0]!];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const n = Math.max(1, Math.ceil(dist(a, b) / stepM));
    for (let k = 1; k <= n; k++) out.push(k === n ? b : lerp(a, b, k / n));
  }
  return out;
}

export function polylineLength(line: readonly XY[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += dist(line[i - 1]!, line[i]!);
  return sum;
}
