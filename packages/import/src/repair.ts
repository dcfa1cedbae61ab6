import { kinks } from '@turf/kinks';
import polygonClipping from 'polygon-clipping';
import type { RawGeometry } from './shape.ts';

// Stage: self-intersecting polygons. A ring that crosses itself (a bow-tie from a
// mis-ordered vertex) is repaired by a union of the polygon with itself, which splits it
// at the crossings into valid parts. The repair is reported; a polygon whose union comes
// out empty is refused.

export type Repaired = { geometry: RawGeometry; repair: string | null } | { error: string };

export function repairSelfIntersections(g: RawGeometry): Repaired {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return { geometry: g, repair: null };
  const crossings = kinks(g).features.length;
  if (crossings === 0) return { geometry: g, repair: null };
  let parts: polygonClipping.MultiPolygon;
  try {
    parts =
      g.type === 'Polygon'
        ? polygonClipping.union(g.coordinates)
        : polygonClipping.union(g.coordinates);
  } catch {
    parts = [];
  }
  if (parts.length === 0) {
    return {
      error: `self-intersecting polygon (${crossings} crossing points) could not be repaired: refused`,
    };
  }
  const geometry: RawGeometry =
    parts.length === 1
      ? { type: 'Polygon', coordinates: parts[0]! }
      : { type: 'MultiPolygon', coordinates: parts };
  return {
    geometry,
    repair: `self-intersecting polygon (${crossings} crossing points) repaired into ${parts.length} valid part${parts.length === 1 ? '' : 's'}`,
  };
}
