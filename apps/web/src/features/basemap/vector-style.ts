import type { LayerSpecification } from 'maplibre-gl';
import type { Theme } from '../../map/palette.ts';
import { detectSchema, SCHEMA_LAYERS } from './vector-schema.ts';
import type { VectorSchema } from './vector-schema.ts';
import { BUREAU_COLORS } from './vector-style-colors.ts';
import { genericLayers } from './vector-style-generic.ts';
import { openMapTilesStyle } from './vector-style-openmaptiles.ts';
import { protomapsStyle } from './vector-style-protomaps.ts';

// The style of a bureau's vector basemap, which brings no style of its own: its schema is
// told from its source layer names (vector-schema.ts) and drawn in the atlas's light or dark
// colours; layers the schema does not know, and every layer of an unknown schema, are drawn
// plainly by geometry type.

const SCHEMA_STYLES = { openmaptiles: openMapTilesStyle, protomaps: protomapsStyle };

/** The style layers for a vector basemap with these source layers, in this theme. */
export function bureauVectorLayers(
  sourceLayers: readonly string[],
  theme: Theme,
  schema: VectorSchema = detectSchema(sourceLayers),
): LayerSpecification[] {
  const c = BUREAU_COLORS[theme];
  if (schema === 'generic') return genericLayers(c, sourceLayers);
  const present = new Set(sourceLayers);
  const known = new Set(SCHEMA_LAYERS[schema]);
  const unknown = sourceLayers.filter((l) => !known.has(l));
  // Unknown layers go under the schema's own, so its roads and names stay on top.
  return [...genericLayers(c, unknown), ...SCHEMA_STYLES[schema](c, (l) => present.has(l))];
}
