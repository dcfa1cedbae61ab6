import type { Position } from '@atlas/model';
import { WGS84 } from './geographiclib.ts';

// The plane touching the WGS84 ellipsoid at a point (east, north in metres): a point of the surface
// is dropped straight onto it, and a point of the plane is lifted straight back (along the
// plane's normal) onto the surface. The surface leaves the plane as ρ²/2R, so lengths near the
// centre are kept to a relative (ρ/R)²/2: 1.2·10⁻⁸ a kilometre out (12 µm over 1 km), 10⁻⁶ at
// 9 km. Both ways are closed forms (no series, no iteration).
//
//        n (north)      a plane point (x, y) → lifted along −up onto the ellipsoid
//        |   up
//        |  /           ·  ← (x, y)
//        | /            |
//   ─────●──────── e    ◡  ← the surface point
//      centre

const DEG = Math.PI / 180;
const E2 = WGS84.f * (2 - WGS84.f);
const A = WGS84.a;
/** The ellipsoid x²/a² + y²/a² + z²/b², in units of a: b²/a² = 1 − e². */
const B2_OVER_A2 = 1 - E2;

export interface TangentPlane {
  /** the centre on the ellipsoid, earth-centred earth-fixed, in units of a */
  x0: number;
  y0: number;
  z0: number;
  /** unit vectors east, north, up (earth-centred components) */
  east: readonly [number, number, number];
  north: readonly [number, number, number];
  up: readonly [number, number, number];
}

/** Earth-centred position of [lng, lat] on the ellipsoid, in units of a. */
function ecef(lng: number, lat: number): [number, number, number] {
  const sinLat = Math.sin(lat * DEG);
  const cosLat = Math.cos(lat * DEG);
  const n = 1 / Math.sqrt(1 - E2 * sinLat * sinLat); // prime vertical radius / a
  return [
    n * cosLat * Math.cos(lng * DEG),
    n * cosLat * Math.sin(lng * DEG),
    n * B2_OVER_A2 * sinLat,
  ];
}

export function tangentPlaneAt([lng, lat]: Position): TangentPlane {
  const [x0, y0, z0] = ecef(lng, lat);
  const sinLat = Math.sin(lat * DEG);
  const cosLat = Math.cos(lat * DEG);
  const sinLng = Math.sin(lng * DEG);
  const cosLng = Math.cos(lng * DEG);
  return {
    x0,
    y0,
    z0,
    east: [-sinLng, cosLng, 0],
    north: [-sinLat * cosLng, -sinLat * sinLng, cosLat],
    up: [cosLat * cosLng, cosLat * sinLng, sinLat],
  };
}

/** [east, north] in metres of a position (on the ellipsoid) dropped onto the plane. */
export function toTangentPlane(plane: TangentPlane, [lng, lat]: Position): [number, number] {
  const [x, y, z] = ecef(lng, lat);
  const dx = x - plane.x0;
  const dy = y - plane.y0;
  const dz = z - plane.z0;
  const { east: e, north: n } = plane;
  return [(dx * e[0] + dy * e[1] + dz * e[2]) * A, (dx * n[0] + dy * n[1] + dz * n[2]) * A];
}

/** The position on the ellipsoid right below (or above) the plane point [east, north] in metres. */
export function fromTangentPlane(plane: TangentPlane, eastM: number, northM: number): Position {
  const { east: e, north: n, up: u } = plane;
  const ex = eastM / A;
  const ny = northM / A;
  // q = centre + east·e + north·n; find t with q + t·up on the ellipsoid (the root nearest 0):
  // a·t² + b·t + c = 0 with the ellipsoid's quadratic form diag(1, 1, a²/b²).
  const qx = plane.x0 + ex * e[0] + ny * n[0];
  const qy = plane.y0 + ex * e[1] + ny * n[1];
  const qz = plane.z0 + ex * e[2] + ny * n[2];
  const a = u[0] * u[0] + u[1] * u[1] + (u[2] * u[2]) / B2_OVER_A2;
  const b = 2 * (qx * u[0] + qy * u[1] + (qz * u[2]) / B2_OVER_A2);
  const c = qx * qx + qy * qy + (qz * qz) / B2_OVER_A2 - 1;
  // c is tiny (the plane sits ρ²/2R above the surface): the stable form of the smaller root
  const t = (-2 * c) / (b + Math.sign(b) * Math.sqrt(b * b - 4 * a * c));
  const x = qx + t * u[0];
  const y = qy + t * u[1];
  const z = qz + t * u[2];
  // on the ellipsoid, geodetic latitude is exactly atan(z / ((1 − e²)·p))
  const p = Math.sqrt(x * x + y * y); // not Math.hypot: slow in V8, and x, y are near 1
  return [Math.atan2(y, x) / DEG, Math.atan2(z, B2_OVER_A2 * p) / DEG];
}
