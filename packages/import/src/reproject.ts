import type { Position } from '@atlas/model';
import { isSupportedCrs, toWgs84 } from '@atlas/geo';
import { mapPositions, type RawGeometry } from './shape.ts';

// Stage: source CRS → WGS84, every position, by @atlas/geo (GCJ-02/BD-09 offsets,
// CGCS2000 Gauss–Krüger via proj4). CGCS2000 geographic (EPSG:4490) and WGS84 differ by
// centimetres, well below any register's accuracy, so both pass through unchanged.

const SAME_AS_WGS84 = new Set(['EPSG:4326', 'EPSG:4490']);

export type Reproject = (g: RawGeometry) => RawGeometry | { error: string };

export function reprojector(crs: string): Reproject {
  if (SAME_AS_WGS84.has(crs)) return (g) => g;
  if (!isSupportedCrs(crs))
    return () => ({
      error: `unsupported CRS ${crs} (expected EPSG:4326, EPSG:4490, EPSG:4491–4554, GCJ-02 or BD-09)`,
    });
  const convert = (p: Position): Position => {
    const out = toWgs84(p, crs);
    if (!Number.isFinite(out[0]) || !Number.isFinite(out[1]))
      throw new RangeError(`${p.join(', ')} has no ${crs} → WGS84 conversion`);
    return [out[0], out[1]];
  };
  return (g) => {
    try {
      return mapPositions(g, convert);
    } catch (error) {
      return {
        error: `cannot convert from ${crs}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}
