import type { Position } from '@atlas/model';
import type { OriginGeometry } from './measure.ts';

// Origins prepared for plane bounds (plane-bound.ts), all schools' in one flat table: vertices,
// per-edge sagitta bounds, rings and per-shape facts in a few growable typed arrays, instead of
// several small arrays per school that the garbage collector would copy on every audit.
//
//   shape s ─▶ rings ringFirst[s] … ringFirst[s] + ringCount[s] − 1
//   ring r  ─▶ vertices ringStart[r] … ringStart[r + 1] − 1 (closed: last repeats first)
//              hole[r] = 1: a hole of the part before it; 0: starts a new part

const DEG = Math.PI / 180;
const WGS84_A_M = 6_378_137;
const WGS84_F = 1 / 298.257223563;
export const E2 = WGS84_F * (2 - WGS84_F);
export const WGS84_A = WGS84_A_M;
/** Smallest meridional radius of curvature (at the equator), metres per radian. */
export const M_MIN_M = WGS84_A_M * (1 - E2);
/** Largest radius of curvature (N or M, at the pole): a / √(1 − e²), metres per radian. */
const R_MAX_M = WGS84_A_M / Math.sqrt(1 - E2);
/** K: bound of |d ln M / dφ| = 3e²|sin φ cos φ| / (1 − e² sin² φ) ≤ 3e² / (2(1 − e²)) = 0.01011. */
export const M_LOG_SLOPE = 0.0102;
/** Over the curvature bound 1.09·tan φ / R of a geodesic's image in the plane (plane-bound.ts). */
export const SAGITTA_SAFETY = 2;
/** Slack for rounding in the plane (coordinates ~10² degrees, 10⁻¹⁶ relative: nanometres) and
 *  in the exact walk it stands in for (good to micrometres), metres. */
export const PLANE_ROUNDING_M = 1e-5;
/** Latitude margin around a shape within which its slope G is valid, degrees (≈ 11 km). */
const VALID_MARGIN_DEG = 0.1;
/** The plane is not used this close to the poles (China lies far inside). */
const MAX_ABS_LAT_DEG = 80;
const FIRST_CAPACITY = 1024;

function grown<T extends Float64Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export class ShapeTable {
  /** Per vertex: lng, lat (degrees) and the sagitta bound of the edge starting there (metres). */
  coords = new Float64Array(2 * FIRST_CAPACITY);
  sagM = new Float64Array(FIRST_CAPACITY);
  /** Per ring (plus one end marker): first vertex; whether it is a hole. */
  ringStart = new Uint32Array(FIRST_CAPACITY);
  hole = new Uint8Array(FIRST_CAPACITY);
  /** Per shape. */
  ringFirst = new Uint32Array(FIRST_CAPACITY);
  ringCount = new Uint32Array(FIRST_CAPACITY);
  areal = new Uint8Array(FIRST_CAPACITY);
  /** Vertex latitude range (degrees), the largest edge sagitta (metres), the slope G (per
   *  radian) and the |lat| up to which G holds (degrees). */
  facts = new Float64Array(5 * FIRST_CAPACITY);
  shapes = 0;
  private vertices = 0;
  private rings = 0;

  /** Prepare one origin; returns its shape id. */
  add(origin: OriginGeometry): number {
    const parts = origin.kind === 'areal' ? arealParts(origin.areal) : [[origin.points]];
    let ringTotal = 0;
    let vertexTotal = 0;
    for (const part of parts)
      for (const ring of part) {
        ringTotal++;
        vertexTotal += ring.length;
      }
    const s = this.shapes++;
    this.reserve(s + 1, this.rings + ringTotal + 1, this.vertices + vertexTotal);
    this.ringFirst[s] = this.rings;
    this.ringCount[s] = ringTotal;
    this.areal[s] = origin.kind === 'areal' ? 1 : 0;
    let latMin = Infinity;
    let latMax = -Infinity;
    let absMin = Infinity;
    let absMax = 0;
    for (let q = 0; q < parts.length; q++)
      for (let k = 0; k < parts[q]!.length; k++) {
        const ring = parts[q]![k]!;
        this.hole[this.rings] = k > 0 ? 1 : 0;
        this.ringStart[this.rings++] = this.vertices;
        for (let v = 0; v < ring.length; v++) {
          const p = ring[v]!;
          this.coords[2 * this.vertices] = p[0];
          this.coords[2 * this.vertices + 1] = p[1];
          this.sagM[this.vertices++] = 0;
          latMin = Math.min(latMin, p[1]);
          latMax = Math.max(latMax, p[1]);
          absMin = Math.min(absMin, Math.abs(p[1]));
          absMax = Math.max(absMax, Math.abs(p[1]));
        }
      }
    this.ringStart[this.rings] = this.vertices; // end marker (overwritten by the next shape)
    const validAbsLatDeg = Math.min(absMax + VALID_MARGIN_DEG, MAX_ABS_LAT_DEG);
    const slope = Math.tan(validAbsLatDeg * DEG) + M_LOG_SLOPE;
    const maxSagM = this.areal[s] ? this.fillSagitta(s, slope, absMin) : 0;
    const f = 5 * s;
    this.facts[f] = latMin;
    this.facts[f + 1] = latMax;
    this.facts[f + 2] = maxSagM;
    this.facts[f + 3] = slope;
    this.facts[f + 4] = validAbsLatDeg;
    return s;
  }

  /** sₑ = SAGITTA_SAFETY · G · L² / (8 · M_min) per edge, with chord lengths L taken at the
   *  largest scales any store's plane within VALID_MARGIN_DEG can have; returns the largest. */
  private fillSagitta(s: number, slope: number, absMinDeg: number): number {
    const kx = R_MAX_M * Math.cos(Math.max(0, absMinDeg - VALID_MARGIN_DEG) * DEG) * DEG;
    const ky = R_MAX_M * DEG;
    const { coords, ringStart } = this;
    let max = 0;
    for (let r = this.ringFirst[s]!; r < this.ringFirst[s]! + this.ringCount[s]!; r++)
      for (let i = ringStart[r]!; i + 1 < ringStart[r + 1]!; i++) {
        const dx = (coords[2 * i + 2]! - coords[2 * i]!) * kx;
        const dy = (coords[2 * i + 3]! - coords[2 * i + 1]!) * ky;
        const sag = (SAGITTA_SAFETY * slope * (dx * dx + dy * dy)) / (8 * M_MIN_M);
        this.sagM[i] = sag + PLANE_ROUNDING_M;
        max = Math.max(max, sag + PLANE_ROUNDING_M);
      }
    return max;
  }

  /** Make room for this many shapes, rings and vertices in all (one allocation each). */
  reserve(shapes: number, rings: number, vertices: number): void {
    this.coords = grown(this.coords, 2 * vertices);
    this.sagM = grown(this.sagM, vertices);
    this.ringStart = grown(this.ringStart, rings);
    this.hole = grown(this.hole, rings);
    this.ringFirst = grown(this.ringFirst, shapes);
    this.ringCount = grown(this.ringCount, shapes);
    this.areal = grown(this.areal, shapes);
    this.facts = grown(this.facts, 5 * shapes);
  }
}

function arealParts(area: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }) {
  return (
    area.type === 'Polygon' ? [area.coordinates] : area.coordinates
  ) as readonly (readonly Position[])[][];
}
