// @atlas/geo — units, geodesics and coordinate systems. Imports nothing internal but the model's types.
export * from './units.ts'; // branded Metres / Degrees
export * from './geodesic.ts'; // point-to-point geodesics (GeographicLib)
export { geodesicDistanceToSegmentM } from './distance-to-segment.ts'; // exact distance to one geodesic edge
export { geodesicDistanceToLineM } from './distance-to-line.ts'; // exact distance to a polyline of geodesic edges
export { pointInAreal, ON_BOUNDARY_M } from './point-in-areal.ts'; // insideness with geodesic edges, holes, parts
export { geodesicDistanceToArealM } from './distance-to-areal.ts'; // exact distance to a campus outline (0 inside)
export { geodesicRing, type GeodesicRingOptions } from './geodesic-ring.ts'; // perimeter-zone outline at a distance
export { displayRing, type DisplayRingOptions } from './display-ring.ts'; // the same outline for the map, fast (tangent plane + Clipper2)
export * from './crs/types.ts'; // branded GCJ-02 / BD-09 positions
export { wgs84ToGcj02, gcj02ToWgs84, outOfChina } from './crs/gcj02.ts'; // GCJ-02 (Amap, Tencent) ↔ WGS84
export { gcj02ToBd09, bd09ToGcj02, wgs84ToBd09, bd09ToWgs84 } from './crs/bd09.ts'; // BD-09 (Baidu) ↔ GCJ-02/WGS84
export {
  gkToWgs84,
  wgs84ToGk,
  gkZone,
  gkProj4Definition,
  GK_EPSG_CODES,
} from './crs/gauss-kruger.ts'; // CGCS2000 GK
export type { GkZone, GkFamily } from './crs/gauss-kruger.ts';
export { detectGkZone, type GkZoneGuess, type GkConfidence } from './crs/detect-gk-zone.ts'; // zone from bare x/y
export { toWgs84, isSupportedCrs, type CrsCode } from './crs/to-wgs84.ts'; // one entry point: any CRS → WGS84
