import { z } from 'zod';

// GeoJSON geometries as stored: WGS84, always [lng, lat], 2D.
// Ranges are checked here so that a swapped lat/lng fails validation instead of loading.

export const Lng = z.number().finite().min(-180).max(180);
export const Lat = z.number().finite().min(-90).max(90);
export const Position = z.tuple([Lng, Lat]);
export type Position = z.infer<typeof Position>;

const closedRing = z
  .array(Position)
  .min(4)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'a polygon ring must be closed (first position equals last)',
  });

export const Point = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineString = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2),
});
export const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(closedRing).min(1),
});
export const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(closedRing).min(1)).min(1),
});
export const Areal = z.discriminatedUnion('type', [Polygon, MultiPolygon]);
export const Geometry = z.discriminatedUnion('type', [Point, LineString, Polygon, MultiPolygon]);

export type Point = z.infer<typeof Point>;
export type LineString = z.infer<typeof LineString>;
export type Polygon = z.infer<typeof Polygon>;
export type MultiPolygon = z.infer<typeof MultiPolygon>;
export type Areal = z.infer<typeof Areal>;
export type Geometry = z.infer<typeof Geometry>;

/** [west, south, east, north] in degrees (WGS84). */
export const Bbox = z
  .tuple([Lng, Lat, Lng, Lat])
  .refine(([w, s, e, n]) => w <= e && s <= n, { message: 'min must not exceed max' });
export type Bbox = z.infer<typeof Bbox>;
