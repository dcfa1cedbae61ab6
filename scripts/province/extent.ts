import type { Bbox, Position, Provenance } from '@atlas/model';

// The synthetic province's frame: a real-sized rectangle (Hubei's extent), full-scale
// counts per layer, and the local metres ⇄ degrees conversion every shape is built with.

/** [west, south, east, north], degrees: roughly Hubei's extent. */
export const PROVINCE_BBOX: Bbox = [108.3, 29.0, 116.1, 33.3];

/** Every feature says it is synthetic benchmark data. */
export const PROVENANCE: Provenance = {
  source: '合成省级基准数据 (benchmark only)',
  importedAt: '2025-01-01T08:00:00+08:00',
  originalCrs: 'EPSG:4326',
};

/** Feature counts at scale 1 (from the issues). Admin areas are geography and never scale. */
export const FULL_COUNTS = {
  schools: 30_000,
  stores: 1_000_000,
  hazards: 40_000,
  water: 40_000,
  routes: 3_000,
  roads: 4_000,
  pipelines: 200,
} as const;
export type ScaledLayer = keyof typeof FULL_COUNTS;

/** Count of a layer at a scale: at least one feature, so every layer is exercised. */
export function scaledCount(layer: ScaledLayer, scale: number): number {
  return Math.max(1, Math.round(FULL_COUNTS[layer] * scale));
}

/** Local plane constants (spherical approximation; shapes only need to look right). */
const METRES_PER_DEGREE_LAT = 110_900;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;
/** Coordinates are rounded to 1e-7° (≈1 cm): smaller JSON, and identical on every run. */
const COORDINATE_STEP_INV = 1e7;

export function roundDeg(value: number): number {
  return Math.round(value * COORDINATE_STEP_INV) / COORDINATE_STEP_INV;
}

export function metresToDegLat(metres: number): number {
  return metres / METRES_PER_DEGREE_LAT;
}

export function metresToDegLng(metres: number, latDeg: number): number {
  return metres / (METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((latDeg * Math.PI) / 180));
}

/** The position dxM east and dyM north of origin, rounded. */
export function offsetM(origin: Position, dxM: number, dyM: number): Position {
  return [
    roundDeg(origin[0] + metresToDegLng(dxM, origin[1])),
    roundDeg(origin[1] + metresToDegLat(dyM)),
  ];
}

/** origin moved inside the province, at least marginM from every edge. */
export function clampInside(origin: Position, marginM: number): Position {
  const [w, s, e, n] = PROVINCE_BBOX;
  const dLat = metresToDegLat(marginM);
  const dLng = metresToDegLng(marginM, Math.max(Math.abs(s), Math.abs(n)));
  return [
    roundDeg(Math.min(e - dLng, Math.max(w + dLng, origin[0]))),
    roundDeg(Math.min(n - dLat, Math.max(s + dLat, origin[1]))),
  ];
}

export function insideProvince(p: Position): boolean {
  const [w, s, e, n] = PROVINCE_BBOX;
  return p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
}
