import { ClipperOffset, EndType, JoinType, PolyTree64, type Path64 } from 'clipper2-ts';
import type { MultiPolygon, Point, Polygon, Position } from '@atlas/model';
import type { Metres } from './units.ts';
import { convexOffset, convexOutline } from './convex-offset.ts';
import { snapToOffset, type PlaneSegments } from './offset-snap.ts';
import { fromTangentPlane, tangentPlaneAt, toTangentPlane } from './tangent-plane.ts';

// The perimeter-zone outline for the map: the same curve as geodesicRing, fast. The campus is
// dropped onto the plane touching the ellipsoid at its centre (tangent-plane.ts: lengths kept to
// 10⁻⁸ within a kilometre), offset there with round joins by Clipper2 (which also merges the zones
// of parts closer than 2d), its vertices put back on the plane's exact offset curve where Clipper
// cut one arc's chord with another's (offset-snap.ts), and lifted back. Vertices land within
// millimetres of the true geodesic offset; edges sag at most maxDeviationM inside it. Like
// geodesicRing it returns only the outer outline of each zone (pockets farther than d from the
// campus are not cut out; a zone inside such a pocket belongs to the outline around it),
// anticlockwise, northernmost zone first. Audit decisions and the dossier use geodesicRing; this is
// for drawing (≈ 30 µs a ring against ≈ 5–10 ms).
//
// A single convex outline (most campuses) skips Clipper: convex-offset.ts draws it directly.
//
//   campus ──drop──▶ plane ──Clipper2: offset d, round joins, union──▶ outer outlines
//          ──snap crossings onto the curve──▶ lift ──▶ ring

export interface DisplayRingOptions {
  /** How far the outline's edges may stray inside the true offset curve (default 0.5 m). */
  maxDeviationM?: Metres;
}

const DEFAULT_DEVIATION_M = 0.5;
/** Clipper works in integers: millimetres in the plane (rounding ≤ 0.5 mm). */
const CLIPPER_UNITS_PER_M = 1000;
/** Clipper's arcs are drawn this much tighter than asked, so its rounding cannot push a sag past it. */
const ROUNDING_MARGIN_M = 0.002;
/** Fewest vertices of a circle, and its longest edge (as geodesicRing draws circles). */
const MIN_CIRCLE_VERTICES = 8;
const MAX_STEP_M = 100;

export function displayRing(
  area: Point | Polygon,
  distanceM: Metres,
  opts?: DisplayRingOptions,
): Polygon;
export function displayRing(
  area: MultiPolygon,
  distanceM: Metres,
  opts?: DisplayRingOptions,
): Polygon | MultiPolygon;
export function displayRing(
  area: Point | Polygon | MultiPolygon,
  distanceM: Metres,
  opts: DisplayRingOptions = {},
): Polygon | MultiPolygon {
  if (!(distanceM > 0) || !Number.isFinite(distanceM)) {
    throw new RangeError(`displayRing: expected a positive finite distanceM, got ${distanceM}`);
  }
  const tolM = opts.maxDeviationM ?? DEFAULT_DEVIATION_M;
  if (!(tolM > 0))
    throw new RangeError(`displayRing: expected a positive maxDeviationM, got ${tolM}`);
  if (area.type === 'Point')
    return { type: 'Polygon', coordinates: [circle(area.coordinates, distanceM, tolM)] };
  const outlines =
    area.type === 'Polygon' ? [area.coordinates[0]!] : area.coordinates.map((p) => p[0]!);
  const plane = tangentPlaneAt(centreOf(outlines));
  const inPlane = outlines.map((o) => o.map((p) => toTangentPlane(plane, p)));
  const convex = inPlane.length === 1 ? convexOutline(inPlane[0]!) : null;
  if (convex) {
    const ring = convexOffset(convex, distanceM, tolM).map(([x, y]) =>
      fromTangentPlane(plane, x, y),
    );
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }
  const offset = new ClipperOffset();
  offset.arcTolerance = Math.max(tolM - ROUNDING_MARGIN_M, tolM / 2) * CLIPPER_UNITS_PER_M;
  offset.addPaths(inPlane.map(toClipper), JoinType.Round, EndType.Polygon);
  const tree = new PolyTree64();
  offset.execute(distanceM * CLIPPER_UNITS_PER_M, tree);
  // The tree's top level holds the outer outlines; their children are pockets (dropped).
  const zones: Path64[] = [];
  for (let i = 0; i < tree.count; i++) zones.push(tree.child(i).poly!);
  zones.sort((a, b) => topY(b) - topY(a));
  const segs = segments(inPlane);
  const rings = zones.map((zone) => {
    const ring = zone.map((pt) => {
      const [x, y] = snapToOffset(
        segs,
        distanceM,
        pt.x / CLIPPER_UNITS_PER_M,
        pt.y / CLIPPER_UNITS_PER_M,
      );
      return fromTangentPlane(plane, x, y);
    });
    ring.push(ring[0]!);
    return ring;
  });
  if (rings.length === 1) return { type: 'Polygon', coordinates: [rings[0]!] };
  return { type: 'MultiPolygon', coordinates: rings.map((ring) => [ring]) };
}

/** A circle of the tangent plane at the centre: its vertices are geodesically `radiusM` away. */
function circle(centre: Position, radiusM: number, tolM: number): Position[] {
  const plane = tangentPlaneAt(centre);
  const halfAngle = Math.acos(Math.max(-1, 1 - tolM / radiusM));
  const n = Math.max(
    MIN_CIRCLE_VERTICES,
    Math.ceil(Math.PI / halfAngle),
    Math.ceil((2 * Math.PI * radiusM) / MAX_STEP_M),
  );
  // The plane's radius r of a geodesic circle of radius s is s·(1 − (s/R)²/6), a few µm at
  // 1 km: drawn as is. Azimuths go anticlockwise from north, as geodesicRing's do.
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const az = (-2 * Math.PI * i) / n;
    ring.push(fromTangentPlane(plane, radiusM * Math.sin(az), radiusM * Math.cos(az)));
  }
  ring.push(ring[0]!);
  return ring;
}

/** The middle of the outlines' extent: every vertex is within the campus's half-diagonal of it. */
function centreOf(outlines: readonly Position[][]): Position {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const outline of outlines)
    for (const [lng, lat] of outline) {
      w = Math.min(w, lng);
      e = Math.max(e, lng);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  if (!(w <= e)) throw new RangeError('displayRing: expected a polygon with at least one vertex');
  return [(w + e) / 2, (s + n) / 2];
}

/** An outline in Clipper's integer units, anticlockwise (Clipper offsets a group's paths alike). */
function toClipper(outline: readonly [number, number][]): Path64 {
  const path = outline.map(([x, y]) => ({
    x: Math.round(x * CLIPPER_UNITS_PER_M),
    y: Math.round(y * CLIPPER_UNITS_PER_M),
  }));
  let twiceArea = 0;
  for (let i = 0, j = path.length - 1; i < path.length; j = i++)
    twiceArea += (path[j]!.x - path[i]!.x) * (path[j]!.y + path[i]!.y);
  return twiceArea < 0 ? path.reverse() : path;
}

/** Every edge of the outlines, as the flat array snapToOffset reads. */
function segments(outlines: readonly [number, number][][]): PlaneSegments {
  const edges = outlines.reduce((n, o) => n + o.length - 1, 0);
  const out = new Float64Array(4 * Math.max(0, edges));
  let k = 0;
  for (const o of outlines)
    for (let i = 0; i + 1 < o.length; i++) {
      out[k++] = o[i]![0];
      out[k++] = o[i]![1];
      out[k++] = o[i + 1]![0];
      out[k++] = o[i + 1]![1];
    }
  return out;
}

function topY(path: Path64): number {
  let top = -Infinity;
  for (const pt of path) top = Math.max(top, pt.y);
  return top;
}
