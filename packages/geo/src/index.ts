// @atlas/geo — units, geodesics and coordinate systems. Imports nothing internal but the model's types.
export * from './units.ts'; // branded Metres / Degrees
export * from './geodesic.ts'; // point-to-point geodesics (GeographicLib)
export { geodesicDistanceToSegmentM } from './distance-to-segment.ts'; // exact distance to one geodesic edge
export { geodesicDistanceToLineM } from './distance-to-line.ts'; // exact distance to a polyline of geodesic edges
export { pointInAreal, ON_BOUNDARY_M } from './point-in-areal.ts'; // insideness with geodesic edges, holes, parts
export { geodesicDistanceToArealM } from './distance-to-areal.ts'; // exact distance to a campus outline (0 inside)
