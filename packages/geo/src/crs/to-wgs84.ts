import type { Position } from '@atlas/model';
import { bd09ToWgs84 } from './bd09.ts';
import { gcj02ToWgs84 } from './gcj02.ts';
import { gkToWgs84, gkZone } from './gauss-kruger.ts';
import { bd09, gcj02 } from './types.ts';

// One entry point for importers: any supported coordinate system → WGS84 [lng, lat].
//   'EPSG:4326' WGS84, 'EPSG:4490' CGCS2000 geographic (treated as WGS84, see gauss-kruger.ts)
//   'EPSG:4491'…'EPSG:4554' CGCS2000 Gauss–Krüger, position = [easting, northing] in metres
//   'GCJ-02' (Amap, Tencent), 'BD-09' (Baidu), position = [lng, lat]

export type CrsCode = 'EPSG:4326' | 'EPSG:4490' | 'GCJ-02' | 'BD-09' | `EPSG:${number}`;

const EPSG_PREFIX = 'EPSG:';

/** Converts one position to WGS84; an unsupported code throws naming it. */
export function toWgs84(position: readonly [number, number], crs: CrsCode): Position {
  switch (crs) {
    case 'EPSG:4326':
    case 'EPSG:4490':
      return [position[0], position[1]];
    case 'GCJ-02':
      return gcj02ToWgs84(gcj02(position));
    case 'BD-09':
      return bd09ToWgs84(bd09(position));
  }
  const code =
    typeof crs === 'string' && crs.startsWith(EPSG_PREFIX)
      ? Number(crs.slice(EPSG_PREFIX.length))
      : NaN;
  if (gkZone(code)) return gkToWgs84(position[0], position[1], code);
  throw new RangeError(
    `toWgs84: unsupported coordinate system ${JSON.stringify(crs)} ` +
      `(expected EPSG:4326, EPSG:4490, EPSG:4491–4554, GCJ-02 or BD-09)`,
  );
}

/** Whether `crs` names a system toWgs84 accepts. */
export function isSupportedCrs(crs: string): crs is CrsCode {
  if (crs === 'EPSG:4326' || crs === 'EPSG:4490' || crs === 'GCJ-02' || crs === 'BD-09')
    return true;
  return crs.startsWith(EPSG_PREFIX) && gkZone(Number(crs.slice(EPSG_PREFIX.length))) !== undefined;
}
