// @atlas/model — the one definition of every layer: zod schemas give types and validation.
export * from './geometry.ts';
export * from './provenance.ts';
export * from './enums.ts';
export * from './layers.ts';
export * from './problem.ts';
export * from './feature-id.ts';
