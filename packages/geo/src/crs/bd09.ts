import type { Position } from '@atlas/model';
import { bd09, gcj02, type Bd09Position, type Gcj02Position } from './types.ts';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

// BD-09 (百度坐标): Baidu's further offset of GCJ-02 — a small polar-coordinate twist plus a shift
// of (0.0065°, 0.006°). Published formula as in wandergis/coordtransform (x_pi = π·3000/180).
// Its inverse is given in closed form only approximately, so refine it by fixed-point iteration.

const X_PI = (Math.PI * 3000) / 180;
const SHIFT_LNG_DEG = 0.0065;
const SHIFT_LAT_DEG = 0.006;
const RADIUS_TWIST = 0.00002;
const ANGLE_TWIST = 0.000003;
const INVERSE_TOLERANCE_DEG = 1e-10;
const MAX_INVERSE_STEPS = 30;

export function gcj02ToBd09(g: Gcj02Position): Bd09Position {
  const [x, y] = g;
  const z = Math.sqrt(x * x + y * y) + RADIUS_TWIST * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + ANGLE_TWIST * Math.cos(x * X_PI);
  return bd09([z * Math.cos(theta) + SHIFT_LNG_DEG, z * Math.sin(theta) + SHIFT_LAT_DEG]);
}

/** The published one-step inverse (off by up to ~1e-6°), used as the first guess. */
function approximateGcj02(b: Bd09Position): [number, number] {
  const x = b[0] - SHIFT_LNG_DEG;
  const y = b[1] - SHIFT_LAT_DEG;
  const z = Math.sqrt(x * x + y * y) - RADIUS_TWIST * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - ANGLE_TWIST * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** BD-09 → GCJ-02, refined until its BD-09 image matches to ~1e-10° (0.01 mm). */
export function bd09ToGcj02(b: Bd09Position): Gcj02Position {
  let [lng, lat] = approximateGcj02(b);
  for (let i = 0; i < MAX_INVERSE_STEPS; i++) {
    const image = gcj02ToBd09(gcj02([lng, lat]));
    const errLng = image[0] - b[0];
    const errLat = image[1] - b[1];
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
    lng -= errLng;
    lat -= errLat;
  }
  return gcj02([lng, lat]);
}

export const wgs84ToBd09 = (p: Position): Bd09Position => gcj02ToBd09(wgs84ToGcj02(p));
export const bd09ToWgs84 = (b: Bd09Position): Position => gcj02ToWgs84(bd09ToGcj02(b));
