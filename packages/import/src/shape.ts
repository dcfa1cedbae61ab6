import type { Position } from '@atlas/model';
import type { GeometryKind } from './layers/specs.ts';

// Stage: the geometry a record carries → the plain shape its layer stores, in the
// source CRS still. Z and M values are dropped; single-part multis become their part;
// an unclosed ring is closed (a warning); anything else names what is wrong.

export type RawGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type Shaped = { geometry: RawGeometry; warnings: string[] } | { error: string };

const ALLOWED: Record<GeometryKind, readonly string[]> = {
  point: ['Point'],
  line: ['LineString'],
  areal: ['Polygon', 'MultiPolygon'],
  'line-or-areal': ['LineString', 'Polygon', 'MultiPolygon'],
};
const RING_POSITIONS_MIN = 4;
const LINE_POSITIONS_MIN = 2;

class ShapeError extends Error {}

function position(p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2) throw new ShapeError('a position needs two numbers');
  const [x, y] = p as unknown[];
  if (
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    !Number.isFinite(x) ||
    !Number.isFinite(y)
  ) {
    throw new ShapeError(`not a coordinate pair: ${JSON.stringify(p).slice(0, 60)}`);
  }
  return [x, y];
}

function list(c: unknown, what: string): unknown[] {
  if (!Array.isArray(c)) throw new ShapeError(`${what}: expected an array of coordinates`);
  return c;
}

function line(c: unknown): Position[] {
  const positions = list(c, 'line').map(position);
  if (positions.length < LINE_POSITIONS_MIN)
    throw new ShapeError('a line needs at least two positions');
  return positions;
}

function ring(c: unknown, warnings: string[]): Position[] {
  const positions = list(c, 'ring').map(position);
  const [first, last] = [positions[0], positions[positions.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    positions.push([first[0], first[1]]);
    warnings.push('an unclosed polygon ring was closed');
  }
  if (positions.length < RING_POSITIONS_MIN)
    throw new ShapeError('a polygon ring needs at least three distinct positions');
  return positions;
}

function polygon(c: unknown, warnings: string[]): Position[][] {
  const rings = list(c, 'polygon').map((r) => ring(r, warnings));
  if (rings.length === 0) throw new ShapeError('empty polygon');
  return rings;
}

function normalise(g: { type?: unknown; coordinates?: unknown }, warnings: string[]): RawGeometry {
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: position(c) };
    case 'MultiPoint': {
      const points = list(c, 'MultiPoint');
      if (points.length !== 1)
        throw new ShapeError(`a MultiPoint with ${points.length} points: one point expected`);
      return { type: 'Point', coordinates: position(points[0]) };
    }
    case 'LineString':
      return { type: 'LineString', coordinates: line(c) };
    case 'MultiLineString': {
      const parts = list(c, 'MultiLineString');
      if (parts.length !== 1)
        throw new ShapeError(
          `a MultiLineString with ${parts.length} parts: split it into one line per feature`,
        );
      return { type: 'LineString', coordinates: line(parts[0]) };
    }
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(c, warnings) };
    case 'MultiPolygon': {
      const parts = list(c, 'MultiPolygon').map((p) => polygon(p, warnings));
      if (parts.length === 0) throw new ShapeError('empty MultiPolygon');
      return parts.length === 1
        ? { type: 'Polygon', coordinates: parts[0]! }
        : { type: 'MultiPolygon', coordinates: parts };
    }
    default:
      throw new ShapeError(`unsupported geometry type ${JSON.stringify(g.type)}`);
  }
}

export function shapeFor(kind: GeometryKind, geometry: unknown): Shaped {
  if (geometry === null || geometry === undefined) return { error: 'empty geometry' };
  if (typeof geometry !== 'object') return { error: 'not a geometry' };
  const warnings: string[] = [];
  try {
    const shaped = normalise(geometry as { type?: unknown; coordinates?: unknown }, warnings);
    if (!ALLOWED[kind].includes(shaped.type)) {
      return {
        error: `a ${shaped.type} cannot go in this layer (expected ${ALLOWED[kind].join(' or ')})`,
      };
    }
    return { geometry: shaped, warnings };
  } catch (error) {
    if (error instanceof ShapeError) return { error: error.message };
    throw error;
  }
}

/** Apply f to every position. */
export function mapPositions(g: RawGeometry, f: (p: Position) => Position): RawGeometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))),
      };
  }
}

export function firstPosition(g: RawGeometry): Position {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0]!;
    case 'Polygon':
      return g.coordinates[0]![0]!;
    case 'MultiPolygon':
      return g.coordinates[0]![0]![0]!;
  }
}
