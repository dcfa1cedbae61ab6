import type { Areal, Position } from '@atlas/model';
import { AZIMUTH, WGS84 } from './geographiclib.ts';
import { assertPosition, emptyNearest, nearestOnSegment } from './distance-to-segment.ts';
import {
  emptyFoot,
  localPlaneAt,
  planarFoot,
  planeErrorBoundM,
  type LocalPlane,
} from './local-plane.ts';

// Point in a polygon whose edges are geodesics. Ray casting along p's meridian northwards — a
// meridian is itself a geodesic, and a geodesic's longitude changes monotonically, so an edge
// meets the ray at most once, exactly when its ends straddle p's longitude.
//
//        ray ↑          the edge crosses north of p  ⇔  p is right of the edge walked west→east
//      ──────●────      (p below it). The local plane decides that unless p lies within the
//            p          geodesic's bulge of the chord; then the azimuths at the west end decide:
//                       p is left of w→e exactly when azimuth(w→p) is anticlockwise of azimuth(w→e).
//
// Points within ON_BOUNDARY_M of an edge are on the boundary, and the boundary is inside.

/** Closer than this to an edge is on it (1 mm: far below the precision of any survey). */
export const ON_BOUNDARY_M = 1e-3;

export type RingSide = 'inside' | 'outside' | 'boundary';

const foot = emptyFoot();
const nearest = emptyNearest();

/** Where p lies against one closed ring of geodesic edges. */
export function ringSide(p: Position, ring: readonly Position[], plane: LocalPlane): RingSide {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    planarFoot(plane, a, b, foot);
    const bandM = planeErrorBoundM(plane, foot.distanceM, foot.chordM);
    const near = foot.distanceM <= bandM + ON_BOUNDARY_M;
    if (near && nearestOnSegment(p, a, b, foot.t, nearest).distanceM <= ON_BOUNDARY_M)
      return 'boundary';
    // Half-open straddle test: a vertex exactly on the meridian counts as east of it.
    if (a[0] - p[0] >= 0 === b[0] - p[0] >= 0) continue;
    const westFirst = a[0] < b[0];
    const leftOfAB = Math.abs(foot.leftM) > bandM ? foot.leftM > 0 : isLeftOfGeodesic(p, a, b);
    const north = westFirst ? leftOfAB : !leftOfAB;
    if (!north) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Exact side of p against the geodesic through a and b (p not on it, all within ~1000 km). */
function isLeftOfGeodesic(p: Position, a: Position, b: Position): boolean {
  const toB = WGS84.Inverse(a[1], a[0], b[1], b[0], AZIMUTH).azi1!;
  const toP = WGS84.Inverse(a[1], a[0], p[1], p[0], AZIMUTH).azi1!;
  const turn = ((((toP - toB) % 360) + 540) % 360) - 180; // in [-180, 180)
  return turn < 0;
}

function polygonSide(
  p: Position,
  rings: readonly (readonly Position[])[],
  plane: LocalPlane,
): RingSide {
  const outer = ringSide(p, rings[0]!, plane);
  if (outer !== 'inside') return outer;
  for (let h = 1; h < rings.length; h++) {
    const hole = ringSide(p, rings[h]!, plane);
    if (hole === 'boundary') return 'boundary';
    if (hole === 'inside') return 'outside';
  }
  return 'inside';
}

/** Where p lies against a Polygon or MultiPolygon: holes are outside, boundaries (holes' too) inside. */
export function arealSide(p: Position, area: Areal): RingSide {
  assertPosition(p, 'pointInAreal p');
  const plane = localPlaneAt(p[0], p[1]);
  if (area.type === 'Polygon') return polygonSide(p, area.coordinates, plane);
  if (area.type !== 'MultiPolygon') {
    throw new TypeError(
      `pointInAreal: expected a Polygon or MultiPolygon, got ${(area as { type?: unknown }).type}`,
    );
  }
  let side: RingSide = 'outside';
  for (const part of area.coordinates) {
    const s = polygonSide(p, part, plane);
    if (s === 'boundary') return s;
    if (s === 'inside') side = s;
  }
  return side;
}

/** True when p is inside the area or on its boundary; holes are outside; edges are geodesics. */
export function pointInAreal(p: Position, area: Areal): boolean {
  return arealSide(p, area) !== 'outside';
}
