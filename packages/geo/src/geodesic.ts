import type { Position } from '@atlas/model';
import type { Degrees, Metres } from './units.ts';
import { AZIMUTH, DISTANCE, LAT_LNG, WGS84 } from './geographiclib.ts';

// Geodesics on the WGS84 ellipsoid (GeographicLib, Karney 2013): accurate to nanometres.
// These decide violations; never use spherical (turf/haversine) distances for that.

/** Geodesic distance between two [lng, lat] positions, in metres. */
export function geodesicDistanceM(a: Position, b: Position): Metres {
  return WGS84.Inverse(a[1], a[0], b[1], b[0], DISTANCE).s12 as Metres;
}

/** Distance and forward azimuths (degrees clockwise from north) from a to b. */
export function geodesicInverse(a: Position, b: Position) {
  const r = WGS84.Inverse(a[1], a[0], b[1], b[0], DISTANCE | AZIMUTH);
  return { distanceM: r.s12 as Metres, azimuth1: r.azi1 as Degrees, azimuth2: r.azi2 as Degrees };
}

/** The position reached from `from` after `distanceM` along `azimuth` (degrees from north). */
export function geodesicDestination(from: Position, azimuth: Degrees, distanceM: Metres): Position {
  const r = WGS84.Direct(from[1], from[0], azimuth, distanceM, LAT_LNG);
  return [r.lon2!, r.lat2!];
}
