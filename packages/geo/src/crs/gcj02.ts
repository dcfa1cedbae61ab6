import type { Position } from '@atlas/model';
import { gcj02, type Gcj02Position } from './types.ts';

// GCJ-02 (国测局坐标, "Mars coordinates"): WGS84 plus a deliberate, smooth, non-invertible-in-closed-form
// offset of up to ~700 m, used by Amap (高德), Tencent and Google Maps in China. The forward formula
// is the published one (as in googollee/eviltransform and wandergis/coordtransform): Krasovsky
// ellipsoid constants, trigonometric series in (lng − 105°, lat − 35°). Outside a rough China box the
// offset is not applied — the convention every implementation shares.

/** Krasovsky 1940 semi-major axis and first eccentricity², as the published formula uses them. */
const KRASOVSKY_A_M = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943; // published as 0.00669342162296594323 (same double)
/** The box outside which GCJ-02 equals WGS84 (published convention, not China's border). */
const CHINA_WEST_LNG = 72.004;
const CHINA_EAST_LNG = 137.8347;
const CHINA_SOUTH_LAT = 0.8293;
const CHINA_NORTH_LAT = 55.8271;
/** The inverse iterates until the forward image matches to this (≈ 0.01 mm). */
const INVERSE_TOLERANCE_DEG = 1e-10;
const MAX_INVERSE_STEPS = 30;
const PI = Math.PI;

/** True outside the box where GCJ-02 applies its offset (there GCJ-02 = WGS84). */
export function outOfChina(p: readonly [number, number]): boolean {
  const [lng, lat] = p;
  return (
    lng < CHINA_WEST_LNG || lng > CHINA_EAST_LNG || lat < CHINA_SOUTH_LAT || lat > CHINA_NORTH_LAT
  );
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  return r;
}

/** The GCJ-02 offset (degrees) at a WGS84 position. */
function offsetAt(lng: number, lat: number): [dLng: number, dLat: number] {
  const radLat = (lat / 180) * PI;
  const sin = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sin * sin;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(lng - 105, lat - 35) * 180) /
    (((KRASOVSKY_A_M * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * PI);
  const dLng =
    (offsetLng(lng - 105, lat - 35) * 180) / ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(p: Position): Gcj02Position {
  if (outOfChina(p)) return gcj02(p);
  const [dLng, dLat] = offsetAt(p[0], p[1]);
  return gcj02([p[0] + dLng, p[1] + dLat]);
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration on the forward formula (the offset varies slowly, so
 * each step gains ~5 digits): exact to ~1e-10° (0.01 mm), not the one-step approximation (off by centimetres to metres).
 */
export function gcj02ToWgs84(g: Gcj02Position): Position {
  if (outOfChina(g)) return [g[0], g[1]];
  let lng = g[0];
  let lat = g[1];
  for (let i = 0; i < MAX_INVERSE_STEPS; i++) {
    const [dLng, dLat] = offsetAt(lng, lat);
    const errLng = lng + dLng - g[0];
    const errLat = lat + dLat - g[1];
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
    lng -= errLng;
    lat -= errLat;
  }
  return [lng, lat];
}
