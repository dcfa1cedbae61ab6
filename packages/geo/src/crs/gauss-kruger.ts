import proj4 from 'proj4';
import type { Position } from '@atlas/model';
import type { Metres } from '../units.ts';

// CGCS2000 Gauss–Krüger (transverse Mercator, scale 1 on the central meridian) in the four EPSG
// families Chinese surveys deliver. The proj4 definitions are built from the code, not typed out:
//
//   EPSG:4491–4501  6° zones 13–23      lon_0 = 6·zone − 3    false easting zone·1e6 + 500 000
//   EPSG:4502–4512  6° zones by CM      lon_0 = 75°…135°      false easting 500 000
//   EPSG:4513–4533  3° zones 25–45      lon_0 = 3·zone        false easting zone·1e6 + 500 000
//   EPSG:4534–4554  3° zones by CM      lon_0 = 75°…135°      false easting 500 000
//
// CGCS2000's ellipsoid (a = 6378137 m, 1/f = 298.257222101) is GRS80's. Its geographic frame
// (EPSG:4490) is treated as WGS84: the two agree to a few centimetres today (both ITRF-aligned;
// CGCS2000 is ITRF97 at epoch 2000.0, plate motion since then is ~0.5 m at most) — far below the
// accuracy of any campus outline or store address. Axis order here is always (easting, northing);
// surveyors' "X" is the northing — see detect-gk-zone.ts.

export type GkFamily = '6-zone' | '6-cm' | '3-zone' | '3-cm';

export interface GkZone {
  epsg: number;
  family: GkFamily;
  /** zone number (3° zones 25–45, 6° zones 13–23) */
  zone: number;
  centralMeridianDeg: number;
  falseEastingM: number;
  /** whether the false easting carries the zone number (8-digit eastings) */
  prefixed: boolean;
}

const FALSE_EASTING_M = 500_000;
const ZONE_PREFIX_M = 1_000_000;
const CGCS2000_A_M = 6378137;
const CGCS2000_RF = 298.257222101;

const FAMILIES: {
  family: GkFamily;
  first: number;
  count: number;
  width: 3 | 6;
  prefixed: boolean;
  firstZone: number;
}[] = [
  { family: '6-zone', first: 4491, count: 11, width: 6, prefixed: true, firstZone: 13 },
  { family: '6-cm', first: 4502, count: 11, width: 6, prefixed: false, firstZone: 13 },
  { family: '3-zone', first: 4513, count: 21, width: 3, prefixed: true, firstZone: 25 },
  { family: '3-cm', first: 4534, count: 21, width: 3, prefixed: false, firstZone: 25 },
];

/** The zone an EPSG code names, or undefined if it is not a CGCS2000 GK code. */
export function gkZone(epsg: number): GkZone | undefined {
  for (const f of FAMILIES) {
    const i = epsg - f.first;
    if (!Number.isInteger(i) || i < 0 || i >= f.count) continue;
    const zone = f.firstZone + i;
    const centralMeridianDeg = f.width === 6 ? 6 * zone - 3 : 3 * zone;
    const falseEastingM = f.prefixed ? zone * ZONE_PREFIX_M + FALSE_EASTING_M : FALSE_EASTING_M;
    return {
      epsg,
      family: f.family,
      zone,
      centralMeridianDeg,
      falseEastingM,
      prefixed: f.prefixed,
    };
  }
  return undefined;
}

/** Every CGCS2000 GK code this module knows (EPSG:4491–4554). */
export const GK_EPSG_CODES: readonly number[] = FAMILIES.flatMap((f) =>
  Array.from({ length: f.count }, (_, i) => f.first + i),
);

export function gkProj4Definition(epsg: number): string {
  const z = gkZone(epsg);
  if (!z) throw new RangeError(`expected a CGCS2000 Gauss–Krüger EPSG code 4491–4554, got ${epsg}`);
  return `+proj=tmerc +lat_0=0 +lon_0=${z.centralMeridianDeg} +k=1 +x_0=${z.falseEastingM} +y_0=0 +a=${CGCS2000_A_M} +rf=${CGCS2000_RF} +units=m +no_defs`;
}

const converters = new Map<number, proj4.Converter>();
function converter(epsg: number): proj4.Converter {
  let c = converters.get(epsg);
  if (!c) {
    c = proj4(gkProj4Definition(epsg), 'WGS84');
    converters.set(epsg, c);
  }
  return c;
}

/** CGCS2000 GK (easting, northing in metres) → WGS84 [lng, lat]. */
export function gkToWgs84(
  easting: Metres | number,
  northing: Metres | number,
  epsg: number,
): Position {
  const [lng, lat] = converter(epsg).forward([easting, northing]);
  return [lng!, lat!];
}

/** WGS84 [lng, lat] → CGCS2000 GK { easting, northing } in metres. */
export function wgs84ToGk(p: Position, epsg: number): { easting: Metres; northing: Metres } {
  const [easting, northing] = converter(epsg).inverse([p[0], p[1]]);
  return { easting: easting as Metres, northing: northing as Metres };
}
