import { WGS84 } from './geographiclib.ts';

// A local plane around a point: x = Δlng·kx, y = Δlat·ky in metres, with the ellipsoid's radii of
// curvature at that latitude. Exact to first order at the centre; a distance d away it is off by
// about d·(d/R)·tan(lat). Used only to choose candidates and guesses — never to decide a distance.
//
//            y (north, ky m/deg)
//            |    . b
//            |   /
//   p ───────+──/────── x (east, kx m/deg)
//              a

const DEG = Math.PI / 180;
const E2 = WGS84.f * (2 - WGS84.f);

/** Mean Earth radius (IUGG), for error bounds of the local plane only. */
export const MEAN_EARTH_RADIUS_M = 6_371_008.8;

export interface LocalPlane {
  lng: number;
  lat: number;
  /** metres per degree of longitude at the centre */
  kx: number;
  /** metres per degree of latitude at the centre */
  ky: number;
  /** 1 + |tan lat|: how fast the plane's error grows with distance */
  skew: number;
}

export function localPlaneAt(lng: number, lat: number): LocalPlane {
  const sin = Math.sin(lat * DEG);
  const w = 1 - E2 * sin * sin;
  const primeVerticalM = WGS84.a / Math.sqrt(w);
  const meridionalM = (WGS84.a * (1 - E2)) / (w * Math.sqrt(w));
  return {
    lng,
    lat,
    kx: primeVerticalM * Math.cos(lat * DEG) * DEG,
    ky: meridionalM * DEG,
    skew: 1 + Math.abs(Math.tan(lat * DEG)),
  };
}

// Safety factors over the first-order error estimates above (measured errors are 3–10× smaller).
const DISTORTION_SAFETY = 3;
const SAGITTA_SAFETY = 4;
/** Floor of every bound: rounding in the plane, well under any decision threshold. */
const PLANE_FLOOR_M = 1e-3;

/**
 * Upper bound of |planar − geodesic| distance from the plane's centre to an edge of chord length
 * `chordM` lying about `distanceM` away: distortion of the plane plus the bulge of the geodesic
 * away from the straight chord (≈ L²·tan(lat)/8R).
 */
export function planeErrorBoundM(plane: LocalPlane, distanceM: number, chordM: number): number {
  const distortion =
    (DISTORTION_SAFETY * distanceM * (distanceM + chordM) * plane.skew) / MEAN_EARTH_RADIUS_M;
  const sagitta = (SAGITTA_SAFETY * chordM * chordM * plane.skew) / MEAN_EARTH_RADIUS_M;
  return distortion + sagitta + PLANE_FLOOR_M;
}

/** Where the plane's centre falls against the chord a→b; filled in place to keep hot loops allocation-free. */
export interface PlanarFoot {
  /** distance from the centre to the chord segment, metres */
  distanceM: number;
  /** fraction along a→b of the foot of the perpendicular, clamped to [0, 1] */
  t: number;
  /** chord length, metres */
  chordM: number;
  /** signed distance from the chord's infinite line, metres; > 0 when the centre is left of a→b */
  leftM: number;
}

export const emptyFoot = (): PlanarFoot => ({ distanceM: 0, t: 0, chordM: 0, leftM: 0 });

export function planarFoot(
  plane: LocalPlane,
  a: readonly number[],
  b: readonly number[],
  out: PlanarFoot,
): PlanarFoot {
  const ax = (a[0]! - plane.lng) * plane.kx;
  const ay = (a[1]! - plane.lat) * plane.ky;
  const dx = (b[0]! - a[0]!) * plane.kx;
  const dy = (b[1]! - a[1]!) * plane.ky;
  const lengthSq = dx * dx + dy * dy;
  const chordM = Math.sqrt(lengthSq);
  const t = lengthSq > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSq)) : 0;
  const fx = ax + t * dx;
  const fy = ay + t * dy;
  out.distanceM = Math.sqrt(fx * fx + fy * fy);
  out.t = t;
  out.chordM = chordM;
  // cross(b − a, centre − a) / |b − a|, with the centre at the origin
  out.leftM = chordM > 0 ? (dx * -ay - dy * -ax) / chordM : 0;
  return out;
}
