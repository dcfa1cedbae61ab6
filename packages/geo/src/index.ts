// @atlas/geo — units, geodesics and coordinate systems. Imports nothing internal but the model's types.
export * from './units.ts';
export * from './geodesic.ts';
