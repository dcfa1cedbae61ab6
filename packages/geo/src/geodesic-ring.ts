import type { MultiPolygon, Point, Polygon, Position } from '@atlas/model';
import type { Metres } from './units.ts';
import { LAT_LNG, WGS84 } from './geographiclib.ts';
import { projectToLevel, traceLevelSet } from './offset-trace.ts';
import { emptyNearest } from './distance-to-segment.ts';
import { nearestOnEdges, type Polylines } from './nearest-on-edges.ts';
import { pointInAreal } from './point-in-areal.ts';

// The perimeter-zone outline: the curve at a given geodesic distance around a campus or a point.
// A point's zone is a geodesic circle: Direct at evenly spaced azimuths. A campus's zone is traced
// along the level set {x : distance(x, outline) = d} (offset-trace.ts), anticlockwise from a point
// north of each part. Parts whose zones merge give one ring; parts farther apart than 2d give a
// MultiPolygon. Only the outer outline of each zone is returned: pockets inside a zone that lie
// farther than d from the campus (a courtyard hole wider than 2d) are not cut out.

export interface GeodesicRingOptions {
  /** How far the outline's edges may stray from the true offset curve (default 0.5 m). */
  maxDeviationM?: Metres;
}

const DEFAULT_DEVIATION_M = 0.5;
/** Longest edge of a circle: keeps edges short enough to draw as straight lines on any map. */
const MAX_STEP_M = 100;

export function geodesicRing(
  area: Point | Polygon,
  distanceM: Metres,
  opts?: GeodesicRingOptions,
): Polygon;
export function geodesicRing(
  area: MultiPolygon,
  distanceM: Metres,
  opts?: GeodesicRingOptions,
): Polygon | MultiPolygon;
export function geodesicRing(
  area: Point | Polygon | MultiPolygon,
  distanceM: Metres,
  opts: GeodesicRingOptions = {},
): Polygon | MultiPolygon {
  if (!(distanceM > 0) || !Number.isFinite(distanceM)) {
    throw new RangeError(`geodesicRing: expected a positive finite distanceM, got ${distanceM}`);
  }
  const tolM = opts.maxDeviationM ?? DEFAULT_DEVIATION_M;
  if (!(tolM > 0))
    throw new RangeError(`geodesicRing: expected a positive maxDeviationM, got ${tolM}`);
  if (area.type === 'Point')
    return { type: 'Polygon', coordinates: [circle(area.coordinates, distanceM, tolM)] };
  const parts = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const outlines: Polylines = parts.map((rings) => rings[0]!);
  const zones: Position[][] = [];
  // Each zone is traced from d north of its northernmost part's top vertex, a point no other part
  // comes within d of. A part whose north point lies within d of another part shares that part's
  // zone and is skipped; so is one whose start lands on or in a zone already traced.
  const byTop = [...outlines].sort((a, b) => topOf(b)[1] - topOf(a)[1]);
  for (const outline of byTop) {
    const north = destination(topOf(outline), 0, distanceM);
    const others = outlines.filter((o) => o !== outline);
    if (nearestOnEdges(north, others, emptyNearest()).distanceM < distanceM) continue;
    const start = projectToLevel(north, outlines, distanceM);
    const traced = zones.some(
      (ring) =>
        nearestOnEdges(start.at, [ring], emptyNearest()).distanceM <= 2 * tolM ||
        pointInAreal(start.at, { type: 'Polygon', coordinates: [ring] }),
    );
    if (!traced) zones.push(traceLevelSet(start, outlines, distanceM, tolM));
  }
  if (zones.length === 1) return { type: 'Polygon', coordinates: [zones[0]!] };
  return { type: 'MultiPolygon', coordinates: zones.map((ring) => [ring]) };
}

/** A geodesic circle, anticlockwise, with enough vertices that chords sag at most tolM. */
function circle(centre: Position, radiusM: number, tolM: number): Position[] {
  const halfAngle = Math.acos(Math.max(-1, 1 - tolM / radiusM));
  const n = Math.max(
    8,
    Math.ceil(Math.PI / halfAngle),
    Math.ceil((2 * Math.PI * radiusM) / MAX_STEP_M),
  );
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push(destination(centre, -(i * 360) / n, radiusM));
  ring.push(ring[0]!);
  return ring;
}

/** The outline's northernmost vertex. */
function topOf(outline: readonly Position[]): Position {
  let top = outline[0]!;
  for (const v of outline) if (v[1] > top[1]) top = v;
  return top;
}

function destination(from: Position, azimuth: number, distanceM: number): Position {
  const r = WGS84.Direct(from[1], from[0], azimuth, distanceM, LAT_LNG);
  return [r.lon2!, r.lat2!];
}
