import type { Position } from '@atlas/model';
import { detectGkZone } from '@atlas/geo';
import { CHINA_BBOX_DEG, inBbox } from './bounds.ts';
import { declaredCrs } from './prj.ts';

// Which coordinate system the source uses, and whether x/y are swapped. Only the user or
// the file itself may decide silently; anything inferred is OFFERED and must be confirmed:
//
//   1. the user's choice                                   → used
//   2. a .prj / GeoJSON crs member; KML and GPX are WGS84   → used (basis 'file')
//   3. text naming the source: 高德/腾讯 → GCJ-02, 百度 → BD-09 → offered ('suggested')
//   4. bare x/y in metres: a zone-prefixed easting names its zone → offered ('detected')
//   5. degrees and no hint: WGS84, with a warning saying so ('default')

export type CrsBasis = 'user' | 'file' | 'suggested' | 'detected' | 'default';

export interface CrsDecision {
  crs: string | null;
  basis: CrsBasis | null;
  reason: string;
  /** False: shown in the preview, but a commit needs the user to confirm it. */
  confirmed: boolean;
}

export interface SwapDecision {
  swap: boolean;
  /** Detected in the data but not confirmed by the user. */
  offered: boolean;
  reason: string | null;
}

const GCJ_HINT = /高德|腾讯|gcj|amap|火星/i;
const BD_HINT = /百度|bd-?09|baidu/i;
/** Share of sampled points that must agree before a swap is offered. */
const SWAP_SHARE_MIN = 0.8;
const DEGREE_LIMIT = 180;

export type Magnitude = 'degrees' | 'metres' | 'mixed' | 'none';

export function magnitudeOf(sample: readonly Position[]): Magnitude {
  if (sample.length === 0) return 'none';
  const degrees = sample.filter(
    ([x, y]) => Math.abs(x) <= DEGREE_LIMIT && Math.abs(y) <= DEGREE_LIMIT,
  ).length;
  if (degrees === sample.length) return 'degrees';
  return degrees === 0 ? 'metres' : 'mixed';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function detectSwap(
  sample: readonly Position[],
  userSwap: boolean | undefined,
): SwapDecision {
  if (userSwap !== undefined)
    return {
      swap: userSwap,
      offered: false,
      reason: userSwap ? 'x and y swapped as chosen' : null,
    };
  if (sample.length === 0) return { swap: false, offered: false, reason: null };
  const magnitude = magnitudeOf(sample);
  let swapped = 0;
  if (magnitude === 'degrees') {
    swapped = sample.filter(
      (p) => !inBbox(p, CHINA_BBOX_DEG) && inBbox([p[1], p[0]], CHINA_BBOX_DEG),
    ).length;
  } else if (magnitude === 'metres') {
    // Survey tables write X = northing, Y = easting: the easting column then holds the
    // 7-digit northing and the zone-prefixed 8-digit easting sits in the northing column.
    swapped = sample.filter(([x, y]) => detectGkZone(x, y).swapped).length;
  }
  if (swapped / sample.length < SWAP_SHARE_MIN)
    return { swap: false, offered: false, reason: null };
  const [x, y] = sample[0]!;
  return {
    swap: false,
    offered: true,
    reason: `x/y look swapped (first point x=${x}, y=${y}): the longitude/easting column holds latitudes/northings; confirm swapXY to read them the other way round`,
  };
}

export interface CrsInput {
  userCrs?: string | null;
  declaredText: string | null;
  /** KML/GPX are WGS84 by definition; RFC 7946 GeoJSON too. */
  wgs84ByFormat: boolean;
  hints: readonly string[];
  /** Sample positions as read (after any swap). */
  sample: readonly Position[];
}

export function detectCrs({
  userCrs,
  declaredText,
  wgs84ByFormat,
  hints,
  sample,
}: CrsInput): CrsDecision {
  if (userCrs)
    return { crs: userCrs, basis: 'user', reason: `${userCrs} as chosen`, confirmed: true };
  if (declaredText) {
    const declared = declaredCrs(declaredText);
    if ('refused' in declared)
      return { crs: null, basis: null, reason: declared.refused, confirmed: false };
    return {
      crs: declared.crs,
      basis: 'file',
      reason: `${declared.crs} declared by the file`,
      confirmed: true,
    };
  }
  const hint = hints.join(' ');
  const magnitude = magnitudeOf(sample);
  if (magnitude === 'degrees' || magnitude === 'none') {
    const source = GCJ_HINT.exec(hint)?.[0] ?? null;
    if (source)
      return {
        crs: 'GCJ-02',
        basis: 'suggested',
        reason: `GCJ-02 suggested: the file mentions "${source}"; confirm or choose another CRS`,
        confirmed: false,
      };
    const baidu = BD_HINT.exec(hint)?.[0] ?? null;
    if (baidu)
      return {
        crs: 'BD-09',
        basis: 'suggested',
        reason: `BD-09 suggested: the file mentions "${baidu}"; confirm or choose another CRS`,
        confirmed: false,
      };
    if (wgs84ByFormat)
      return {
        crs: 'EPSG:4326',
        basis: 'file',
        reason: 'WGS84, as the format defines',
        confirmed: true,
      };
    return {
      crs: 'EPSG:4326',
      basis: 'default',
      reason:
        'no CRS stated: read as WGS84 (if the coordinates came from 高德/腾讯 choose GCJ-02, from 百度 BD-09)',
      confirmed: true,
    };
  }
  if (magnitude === 'mixed') {
    return {
      crs: null,
      basis: null,
      reason: 'some coordinates are degrees and some metres: choose the CRS',
      confirmed: false,
    };
  }
  const easting = median(sample.map((p) => p[0]));
  const northing = median(sample.map((p) => p[1]));
  const guess = detectGkZone(easting, northing);
  if (guess.epsg === undefined) {
    return {
      crs: null,
      basis: null,
      reason: `coordinates are metres (x≈${Math.round(easting)}, y≈${Math.round(northing)}): ${guess.reason}`,
      confirmed: false,
    };
  }
  const crs = `EPSG:${guess.epsg}`;
  return {
    crs,
    basis: 'detected',
    reason: `${crs} detected, confirm or choose another CRS: ${guess.reason}`,
    confirmed: false,
  };
}
