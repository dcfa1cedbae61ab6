import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';

// Lengths and areas on the WGS84 ellipsoid (GeographicLib), as QGIS measures them with an
// ellipsoid set: a path's length is the sum of its geodesic legs; an area's edges are
// geodesics too.

export function pathLengthM(points: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += geodesicDistanceM(points[i - 1]!, points[i]!);
  return sum;
}

/** Area (m², always positive) and perimeter (m) of the polygon through the points. */
export function polygonAreaM2(points: readonly Position[]): { areaM2: number; perimeterM: number } {
  if (points.length < 3) return { areaM2: 0, perimeterM: pathLengthM(points) };
  const polygon = Geodesic.WGS84.Polygon(false);
  for (const [lng, lat] of points) polygon.AddPoint(lat, lng);
  // Signed, so that a clockwise ring is its own area negated, not the rest of the Earth.
  const r = polygon.Compute(false, true);
  return { areaM2: Math.abs(r.area ?? 0), perimeterM: r.perimeter };
}
