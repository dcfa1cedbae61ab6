import { gkZone } from './gauss-kruger.ts';

// Guess the CGCS2000 Gauss–Krüger zone of bare projected coordinates, for an import preview.
// What the magnitudes say (China spans latitudes ~18°–54°, plus islands down to ~4°):
//
//   northing   7 digits, ~0.4–6.1 million m (metres from the equator)
//   easting    8 digits: zone·1e6 + ~0.2–0.8 million → the zone is its first two digits;
//              zones 13–23 are 6° zones, 25–45 are 3° zones (the ranges do not overlap)
//              6 digits: ~0.2–0.8 million, no zone → ambiguous: every central meridian fits
//
// Surveyors write X for the northing and Y for the easting, so a pair whose "easting" looks like a
// northing and whose "northing" looks like an easting is reported as swapped.

export type GkConfidence = 'high' | 'medium' | 'low' | 'none';

export interface GkZoneGuess {
  confidence: GkConfidence;
  /** the EPSG code when exactly one fits */
  epsg?: number;
  /** every EPSG code that fits (one when certain) */
  candidates: number[];
  /** the inputs were given as (northing, easting): surveyors' (X, Y) */
  swapped: boolean;
  /** for the import preview: Chinese, then English */
  reason: string;
}

const MIN_NORTHING_M = 400_000;
const MAX_NORTHING_M = 6_100_000;
const ZONE_PREFIX_M = 1_000_000;
const FALSE_EASTING_M = 500_000;
/** Half-widths of a zone at China's latitudes, with margin: 3° ≈ ±170 km, 6° ≈ ±340 km. */
const HALF_WIDTH_3_M = 250_000;
const HALF_WIDTH_6_M = 400_000;
/** A zone's own half-width at China's latitudes: 1.5° ≈ 160 km, 3° ≈ 320 km (a little beyond is medium). */
const TYPICAL_HALF_WIDTH_3_M = 170_000;
const TYPICAL_HALF_WIDTH_6_M = 340_000;
const SIX_DEGREE_ZONES = { min: 13, max: 23, firstEpsg: 4491 };
const THREE_DEGREE_ZONES = { min: 25, max: 45, firstEpsg: 4513 };
const CM_6_CODES = range(4502, 4512);
const CM_3_CODES = range(4534, 4554);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const looksLikeNorthing = (v: number) => v >= MIN_NORTHING_M && v <= MAX_NORTHING_M;
const looksLikePlainEasting = (v: number) => Math.abs(v - FALSE_EASTING_M) <= HALF_WIDTH_6_M;
function prefixedZone(v: number): number | undefined {
  const zone = Math.floor(v / ZONE_PREFIX_M);
  const inZone = v - zone * ZONE_PREFIX_M - FALSE_EASTING_M;
  if (
    zone >= THREE_DEGREE_ZONES.min &&
    zone <= THREE_DEGREE_ZONES.max &&
    Math.abs(inZone) <= HALF_WIDTH_3_M
  )
    return zone;
  if (
    zone >= SIX_DEGREE_ZONES.min &&
    zone <= SIX_DEGREE_ZONES.max &&
    Math.abs(inZone) <= HALF_WIDTH_6_M
  )
    return zone;
  return undefined;
}
const looksLikeEasting = (v: number) => prefixedZone(v) !== undefined || looksLikePlainEasting(v);

export function detectGkZone(easting: number, northing: number): GkZoneGuess {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    return none(
      false,
      `坐标不是有限数值 / coordinates are not finite numbers (${easting}, ${northing})`,
    );
  }
  const straight = looksLikeEasting(easting) && looksLikeNorthing(northing);
  const swapped = !straight && looksLikeEasting(northing) && looksLikeNorthing(easting);
  if (!straight && !swapped) {
    return none(
      false,
      `数值不像中国境内的高斯-克吕格坐标（北坐标应为 40 万–610 万米，东坐标为 6 位或带带号的 8 位）/ ` +
        `values do not look like Gauss–Krüger coordinates in China (northing 0.4–6.1 million m; easting 6 digits, or 8 with a zone prefix): (${easting}, ${northing})`,
    );
  }
  const e = swapped ? northing : easting;
  const swapZh = swapped ? '；X/Y 为测量习惯顺序（X 为北坐标），已对调' : '';
  const swapEn = swapped ? "; given in surveyors' order (X = northing), swapped" : '';
  const zone = prefixedZone(e);
  if (zone !== undefined) {
    const six = zone <= SIX_DEGREE_ZONES.max;
    const zones = six ? SIX_DEGREE_ZONES : THREE_DEGREE_ZONES;
    const epsg = zones.firstEpsg + zone - zones.min;
    const { centralMeridianDeg: cm, falseEastingM } = gkZone(epsg)!;
    const typical =
      Math.abs(e - falseEastingM) <= (six ? TYPICAL_HALF_WIDTH_6_M : TYPICAL_HALF_WIDTH_3_M);
    const width = six ? 6 : 3;
    return {
      confidence: typical ? 'high' : 'medium',
      epsg,
      candidates: [epsg],
      swapped,
      reason:
        `东坐标带带号 ${zone}：${width}度带第 ${zone} 带，中央子午线 ${cm}°E，EPSG:${epsg}` +
        `${typical ? '' : '（点位离中央子午线较远，请核对）'}${swapZh} / ` +
        `easting carries zone prefix ${zone}: ${width}° zone ${zone}, central meridian ${cm}°E, EPSG:${epsg}` +
        `${typical ? '' : ' (unusually far from the central meridian: please check)'}${swapEn}`,
    };
  }
  return {
    confidence: 'low',
    candidates: [...CM_3_CODES, ...CM_6_CODES],
    swapped,
    reason:
      `东坐标为 6 位、无带号：无法从数值判断中央子午线，请选择 3 度带（EPSG:4534–4554）或 6 度带（EPSG:4502–4512）${swapZh} / ` +
      `6-digit easting without a zone prefix: the central meridian cannot be told from the numbers; ` +
      `choose a 3° (EPSG:4534–4554) or 6° (EPSG:4502–4512) central-meridian code${swapEn}`,
  };
}

function none(swapped: boolean, reason: string): GkZoneGuess {
  return { confidence: 'none', candidates: [], swapped, reason };
}
