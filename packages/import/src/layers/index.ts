import type { LayerName } from '@atlas/model';
import type { LayerBuilder } from './builder.ts';
import { hazards } from './hazards.ts';
import { admin_areas, pipelines, roads, routes } from './others.ts';
import { schools } from './schools.ts';
import { stores } from './stores.ts';
import { water } from './water.ts';

// One builder per layer: parsed cells → model properties.
export const BUILDERS: Record<LayerName, LayerBuilder> = {
  stores,
  schools,
  hazards,
  water,
  admin_areas,
  roads,
  pipelines,
  routes,
};
export { LAYER_SPECS, type FieldSpec, type LayerSpec } from './specs.ts';
export type { Built, BuildContext, FieldProblem } from './builder.ts';
