import type { Bbox, Geometry, Position } from '@atlas/model';

// The [west, south, east, north] box around geometries, in degrees.

function positionsOf(geometry: Geometry): readonly Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** The bbox covering every geometry given (nulls skipped); null when there is none. */
export function bboxOf(geometries: readonly (Geometry | null)[]): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    if (!geometry) continue;
    for (const [lng, lat] of positionsOf(geometry)) {
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  return west <= east ? [west, south, east, north] : null;
}

/** Throws at once (naming what was expected) unless bbox is a finite, ordered box. */
export function assertBbox(bbox: Bbox): void {
  const [w, s, e, n] = bbox;
  if (bbox.length !== 4 || ![w, s, e, n].every(Number.isFinite) || w > e || s > n) {
    throw new RangeError(
      `bbox ${JSON.stringify(bbox)}: expected [west, south, east, north] finite degrees with west <= east and south <= north`,
    );
  }
}
