// Every atlas layer's contribution to the map, in drawing order (bottom first), as in LAYERS.
import type { LayerGroups } from '../layer-group.ts';
import { adminAreas } from './admin-areas.ts'; // fill, level outlines, township/village names
import { water } from './water.ts'; // water areas and river lines
import { roads } from './roads.ts'; // roads by class, with casing
import { pipelines } from './pipelines.ts'; // power lines and pipelines, dashed by kind
import { routes } from './routes.ts'; // school bus routes
import { hazards } from './hazards.ts'; // hazard points and delimited threat zones
import { schools } from './schools.ts'; // schools, campus outlines and gates
import { stores } from './stores.ts'; // stores by prohibited group

export const LAYER_GROUPS: LayerGroups = {
  admin_areas: adminAreas,
  water,
  roads,
  pipelines,
  routes,
  hazards,
  schools,
  stores,
};

export { storeGroup } from './stores.ts';
