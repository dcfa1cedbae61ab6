import type { Bbox, Hazard, Position, Route, School, Water } from '@atlas/model';
import { geodesicDistanceM, geodesicDistanceToArealM, geodesicDistanceToLineM } from '@atlas/geo';

// What lies near a school that the dossier lists beside its findings: hazards and water
// within NEARBY_RADIUS_M of the school's location (geodesic), and the bus routes whose
// 服务学校 list holds the school's code.

/** How far the dossier looks for hazards and water, metres from the school's location. */
export const NEARBY_RADIUS_M = 1000;
/** Where bus routes are looked for: routes serving a school pass near it. */
export const ROUTE_SEARCH_RADIUS_M = 3000;
const METRES_PER_DEGREE_LAT = 111_320;

/** A box of about radiusM around a point (generous: corners reach further). */
export function boxAround([lng, lat]: Position, radiusM: number): Bbox {
  const dLat = radiusM / METRES_PER_DEGREE_LAT;
  const dLng = radiusM / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

export type Nearby<F> = { feature: F; distanceM: number };

export function distanceToWater(from: Position, water: Water): number {
  const g = water.geometry;
  if (g.type === 'LineString') return geodesicDistanceToLineM(from, g.coordinates).distanceM;
  return geodesicDistanceToArealM(from, g).distanceM;
}

export function nearbyHazards(school: School, hazards: readonly Hazard[]): Nearby<Hazard>[] {
  const at = school.geometry.coordinates;
  return hazards
    .map((h) => ({
      feature: h,
      distanceM: h.properties.threatZone
        ? geodesicDistanceToArealM(at, h.properties.threatZone).distanceM
        : geodesicDistanceM(at, h.geometry.coordinates),
    }))
    .filter((n) => n.distanceM <= NEARBY_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}

export function nearbyWater(school: School, water: readonly Water[]): Nearby<Water>[] {
  const at = school.geometry.coordinates;
  return water
    .map((w) => ({ feature: w, distanceM: distanceToWater(at, w) }))
    .filter((n) => n.distanceM <= NEARBY_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}

export function routesServing(school: School, routes: readonly Route[]): Route[] {
  return routes.filter((r) => r.properties.schoolCodes.includes(school.properties.code));
}
