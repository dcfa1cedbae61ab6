import fc from 'fast-check';
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from '@atlas/model';

// fast-check generators for geometry at Chinese latitudes (18°–54° N, 73°–135° E): segments up to
// 5 km, campus-sized star polygons (optionally with a hole, or a second part), and points up to
// 5 km beyond them. Built with GeographicLib Direct so sizes are true metres.

const { Geodesic } = geographiclib;
const g = Geodesic.WGS84;

export const CHINA_WEST_LNG = 73;
export const CHINA_EAST_LNG = 135;
export const CHINA_SOUTH_LAT = 18;
export const CHINA_NORTH_LAT = 54;
export const MAX_SEGMENT_M = 5000;
export const MAX_OFFSET_M = 5000;
const MIN_CAMPUS_RADIUS_M = 30;
const MAX_CAMPUS_RADIUS_M = 800;
/** A hole's radius as a fraction of the outer ring's smallest radius: keeps it strictly inside. */
const HOLE_FRACTION = 0.35;
/** Second parts of a campus sit this far from the first: two 800 m stars cannot touch. */
const PART_GAP_M = 1700;

const double = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

export function destination(from: Position, azimuthDeg: number, distanceM: number): Position {
  const r = g.Direct(
    from[1],
    from[0],
    azimuthDeg,
    distanceM,
    Geodesic.LATITUDE | Geodesic.LONGITUDE,
  );
  return [r.lon2!, r.lat2!];
}

export const chinaPosition = fc.tuple(
  double(CHINA_WEST_LNG, CHINA_EAST_LNG),
  double(CHINA_SOUTH_LAT, CHINA_NORTH_LAT),
);
export const azimuth = double(-180, 180);

/** A segment a→b up to 5 km long (one in twenty of zero length) and a point up to 5 km from somewhere on it. */
export const segmentAndPoint = fc
  .tuple(
    chinaPosition,
    azimuth,
    fc.oneof({ weight: 19, arbitrary: double(0, MAX_SEGMENT_M) }, fc.constant(0)),
    double(0, 1),
    azimuth,
    double(0, MAX_OFFSET_M),
  )
  .map(([start, az, lengthM, t, offsetAz, offsetM]) => {
    const a = start as Position;
    const anchor = destination(a, az, lengthM * t);
    return { a, b: destination(a, az, lengthM), p: destination(anchor, offsetAz, offsetM) };
  });

/** A polyline of 2–6 vertices, each step up to 5 km, and a point up to 5 km from one of its vertices. */
export const lineAndPoint = fc
  .tuple(
    chinaPosition,
    fc.array(fc.tuple(azimuth, double(0, MAX_SEGMENT_M)), { minLength: 1, maxLength: 5 }),
    fc.nat(),
    azimuth,
    double(0, MAX_OFFSET_M),
  )
  .map(([start, steps, pick, offsetAz, offsetM]) => {
    const line: Position[] = [start as Position];
    for (const [az, d] of steps) line.push(destination(line[line.length - 1]!, az, d));
    return { line, p: destination(line[pick % line.length]!, offsetAz, offsetM) };
  });

/** A closed star-shaped ring around `centre`, clockwise unless reversed. */
function starRing(
  centre: Position,
  azimuths: number[],
  radiiM: number[],
  reverse: boolean,
): Position[] {
  const ring = azimuths.map((az, i) => destination(centre, az, radiiM[i]!));
  if (reverse) ring.reverse();
  return [...ring, ring[0]!];
}

const star = (minVertices: number, maxRadiusM: number) =>
  fc.integer({ min: minVertices, max: 12 }).chain((n) =>
    fc
      .tuple(
        fc.array(double(-0.4, 0.4), { minLength: n, maxLength: n }),
        fc.array(double(MIN_CAMPUS_RADIUS_M, maxRadiusM), { minLength: n, maxLength: n }),
        fc.boolean(),
      )
      .map(([jitter, radiiM, reverse]) => ({
        azimuths: jitter.map((j, i) => ((i + j) * 360) / n),
        radiiM,
        reverse,
      })),
  );

function campusPart(
  centre: Position,
  s: { azimuths: number[]; radiiM: number[]; reverse: boolean },
  hole: boolean,
) {
  const outer = starRing(centre, s.azimuths, s.radiiM, s.reverse);
  if (!hole) return [outer];
  const holeR = Math.min(...s.radiiM) * HOLE_FRACTION;
  const holeAz = [0, 90, 200];
  return [
    outer,
    starRing(
      centre,
      holeAz,
      holeAz.map((_, i) => holeR * (1 - i * 0.2)),
      !s.reverse,
    ),
  ];
}

/** A campus: a star polygon, sometimes with a hole, sometimes a MultiPolygon with a second part. */
export const campus = fc
  .tuple(
    chinaPosition,
    star(5, MAX_CAMPUS_RADIUS_M),
    fc.boolean(),
    fc.option(fc.tuple(azimuth, star(3, MAX_CAMPUS_RADIUS_M))),
  )
  .map(([c, s, hole, second]): { area: Polygon | MultiPolygon; centre: Position } => {
    const centre = c as Position;
    const first = campusPart(centre, s, hole);
    if (!second) return { area: { type: 'Polygon', coordinates: first }, centre };
    const other = campusPart(destination(centre, second[0], PART_GAP_M), second[1], false);
    return { area: { type: 'MultiPolygon', coordinates: [first, other] }, centre };
  });

/** A point around a campus: half within 1 km of its centre (near the outline), half up to 5 km beyond it. */
export const nearCampus = (centre: Position) =>
  fc
    .tuple(
      azimuth,
      fc.oneof(
        double(0, MAX_CAMPUS_RADIUS_M + MAX_CAMPUS_RADIUS_M / 4),
        double(0, MAX_CAMPUS_RADIUS_M + PART_GAP_M + MAX_OFFSET_M),
      ),
    )
    .map(([az, d]) => destination(centre, az, d));

/** The point a fraction `f` of the way along the geodesic a→b. */
export function alongGeodesic(a: Position, b: Position, f: number): Position {
  const line = g.InverseLine(
    a[1],
    a[0],
    b[1],
    b[0],
    Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.DISTANCE_IN,
  );
  const x = line.Position(line.s13 * f, Geodesic.LATITUDE | Geodesic.LONGITUDE);
  return [x.lon2!, x.lat2!];
}
