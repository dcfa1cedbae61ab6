// @atlas/audit — the perimeter audit: candidates → bound → exact distance → classify. Pure, in memory.
// audit:        runAudit(input, profile, options) — the whole pipeline, read top-down
export * from './audit.ts';
// input:        the features the audit reads (model layers, in memory)
export * from './input.ts';
// store-columns: stores as typed columns (what the province-scale loader gives), category bits
export { STORE_CATEGORIES, ENTERTAINMENT_SUBTYPES, storeColumnsOf } from './store-columns.ts';
export type { StoreColumns } from './store-columns.ts';
// options:      campus uncertainty, the at-the-limit and plane-distance tolerances, with units
export * from './options.ts';
// finding:      zod schemas of findings, rule evaluations and un-auditable schools
export * from './finding.ts';
// classify:     one rule on one pair → status; strictest rule first
export { statusOf, strictestFirst } from './classify.ts';
// measure:      exact geodesic distance between a school's origin and a target
export { measure } from './measure.ts';
// plane-bound:  provable local-plane interval around a store's exact distance (decides most pairs)
export { boundDistance, emptyBound } from './plane-bound.ts';
export type { PlaneBound } from './plane-bound.ts';
export { ShapeTable } from './plane-shapes.ts';
export type { Measured, OriginGeometry, TargetGeometry } from './measure.ts';
// incremental:  a session that re-audits only what a changed store or school can affect
export * from './incremental.ts';
// walking:      the walkable road network, snapping, and shortest walks (paths kept)
export { buildWalkNetwork } from './walking/network.ts';
export type { WalkNetwork, WalkRoad } from './walking/network.ts';
// runs:         load from a store (features, or stores as columns), audit, save the run — the one
//               place with I/O (behind interfaces)
export * from './runs/load-input.ts';
export * from './runs/load-columns.ts';
export * from './runs/audit-run.ts';
// zones:        perimeter zones per school, geodesic rings at each rule distance
export * from './zones.ts';
// all-pairs:    the naive every-school × every-store audit (the reference and the baseline)
export { auditAllPairs } from './all-pairs.ts';
