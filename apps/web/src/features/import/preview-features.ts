import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ImportReport } from './import-client.ts';

// The preview rows as something to draw: the features they become (WGS84, converted as
// they would load) for the map, or — when the report carries no geometry — the raw x/y
// numbers of the mapped coordinate columns for an SVG sketch.

export type PreviewProps = { row: number; name: string; action: string };
export type PreviewCollection = FeatureCollection<Geometry, PreviewProps>;
export type Bounds = [west: number, south: number, east: number, north: number];

type Rows = Pick<ImportReport, 'rows' | 'mapping'>;

function isFeature(value: unknown): value is Feature {
  if (typeof value !== 'object' || value === null) return false;
  const geometry = (value as { geometry?: unknown }).geometry;
  return typeof geometry === 'object' && geometry !== null && 'type' in geometry;
}

/** The rows' features with their row number, name and action. */
export function previewFeatures(report: Rows): PreviewCollection {
  const features: Feature<Geometry, PreviewProps>[] = [];
  for (const r of report.rows) {
    if (!isFeature(r.feature) || !r.feature.geometry) continue;
    const name = r.feature.properties?.name;
    features.push({
      type: 'Feature',
      geometry: r.feature.geometry,
      properties: {
        row: r.row,
        name: typeof name === 'string' ? name : '',
        action: r.action ?? '',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Raw [x, y] of rows whose mapped x and y columns hold numbers (for the sketch). */
export function rawPoints(report: Rows): { row: number; xy: [number, number] }[] {
  const column = (field: string) => report.mapping.matches.find((m) => m.field === field)?.column;
  const xCol = column('x');
  const yCol = column('y');
  if (!xCol || !yCol) return [];
  return report.rows.flatMap((r) => {
    const x = Number(r.fields[xCol]);
    const y = Number(r.fields[yCol]);
    return Number.isFinite(x) &&
      Number.isFinite(y) &&
      r.fields[xCol] !== '' &&
      r.fields[yCol] !== ''
      ? [{ row: r.row, xy: [x, y] as [number, number] }]
      : [];
  });
}

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((line) => line.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((poly) => poly.forEach((line) => line.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

/** Bounds of every position, or null for none. */
export function boundsOf(collection: PreviewCollection): Bounds | null {
  let b: Bounds | null = null;
  for (const f of collection.features) {
    eachPosition(f.geometry, ([x, y]) => {
      if (x === undefined || y === undefined) return;
      b = b
        ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)]
        : [x, y, x, y];
    });
  }
  return b;
}
