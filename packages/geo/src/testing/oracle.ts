import geographiclib from 'geographiclib-geodesic';
import type { Areal, Position } from '@atlas/model';

// Test oracles, independent of the code under test: they call GeographicLib directly and find
// nearest points by brute force — dense samples along each geodesic edge, then golden-section
// search between the neighbours of the best sample — and insideness by the winding number of
// geodesic azimuths seen from the point (exact for geodesic edges: the azimuth from p sweeps
// monotonically along an edge that does not pass through p).

const { Geodesic } = geographiclib;
const g = Geodesic.WGS84;
const LINE_CAPS = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.DISTANCE_IN;

/** Samples per edge before refining (an edge of a few km → one sample every ~100 m). */
const SAMPLES_PER_EDGE = 48;
/** Golden-section search stops when the bracket is narrower than this. */
const BRACKET_M = 1e-6;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

export function oracleDistanceM(p: Position, q: Position): number {
  return g.Inverse(p[1], p[0], q[1], q[0], Geodesic.DISTANCE).s12!;
}

export function oracleSegmentDistanceM(p: Position, a: Position, b: Position): number {
  const line = g.InverseLine(a[1], a[0], b[1], b[0], LINE_CAPS);
  const lengthM = line.s13;
  const at = (s: number) => {
    const x = line.Position(s, Geodesic.LATITUDE | Geodesic.LONGITUDE);
    return g.Inverse(p[1], p[0], x.lat2!, x.lon2!, Geodesic.DISTANCE).s12!;
  };
  if (!(lengthM > 0)) return oracleDistanceM(p, a);
  let bestI = 0;
  let bestD = Infinity;
  for (let i = 0; i <= SAMPLES_PER_EDGE; i++) {
    const d = at((lengthM * i) / SAMPLES_PER_EDGE);
    if (d < bestD) [bestI, bestD] = [i, d];
  }
  let lo = (lengthM * Math.max(0, bestI - 1)) / SAMPLES_PER_EDGE;
  let hi = (lengthM * Math.min(SAMPLES_PER_EDGE, bestI + 1)) / SAMPLES_PER_EDGE;
  while (hi - lo > BRACKET_M) {
    const m1 = hi - INV_PHI * (hi - lo);
    const m2 = lo + INV_PHI * (hi - lo);
    if (at(m1) < at(m2)) hi = m2;
    else lo = m1;
  }
  return Math.min(bestD, at((lo + hi) / 2), oracleDistanceM(p, a), oracleDistanceM(p, b));
}

export function oracleLineDistanceM(p: Position, line: readonly Position[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++)
    best = Math.min(best, oracleSegmentDistanceM(p, line[i]!, line[i + 1]!));
  return best;
}

/** Winding number of a closed ring around p, from geodesic azimuths. */
function winding(p: Position, ring: readonly Position[]): number {
  let turn = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = g.Inverse(p[1], p[0], ring[i]![1], ring[i]![0], Geodesic.AZIMUTH).azi1!;
    const b = g.Inverse(p[1], p[0], ring[i + 1]![1], ring[i + 1]![0], Geodesic.AZIMUTH).azi1!;
    turn += ((((b - a) % 360) + 540) % 360) - 180;
  }
  return Math.round(turn / 360);
}

const polygons = (area: Areal) => (area.type === 'Polygon' ? [area.coordinates] : area.coordinates);

/** Strictly inside by winding numbers (p must not be on the boundary). */
export function oracleInside(p: Position, area: Areal): boolean {
  return polygons(area).some(
    ([outer, ...holes]) => winding(p, outer!) !== 0 && holes.every((h) => winding(p, h) === 0),
  );
}

export function oracleArealDistanceM(p: Position, area: Areal): number {
  if (oracleInside(p, area)) return 0;
  return Math.min(
    ...polygons(area)
      .flat(1)
      .map((ring) => oracleLineDistanceM(p, ring)),
  );
}
