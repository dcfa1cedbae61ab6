// Which published tile schema a bureau's vector basemap follows, told by the names of its
// source layers (TileJSON vector_layers): OpenMapTiles (openmaptiles.org/schema, also what
// most Chinese offline map tools export) or the Protomaps basemap (docs.protomaps.com/basemaps/
// layers). Each lists the layers its style knows; a file needs several layers found only in
// one schema to count as it, so a file with just `water` or `landuse` stays generic.

export type VectorSchema = 'openmaptiles' | 'protomaps' | 'generic';

/** The schemas' own names, shown as they are. */
export const SCHEMA_TITLES = { openmaptiles: 'OpenMapTiles', protomaps: 'Protomaps' } as const;

/** Every source layer the schema's style knows (drawn or deliberately left out). */
export const SCHEMA_LAYERS: Record<Exclude<VectorSchema, 'generic'>, readonly string[]> = {
  openmaptiles: [
    'water',
    'waterway',
    'landcover',
    'landuse',
    'park',
    'mountain_peak',
    'boundary',
    'aeroway',
    'transportation',
    'building',
    'water_name',
    'transportation_name',
    'place',
    'housenumber',
    'poi',
    'aerodrome_label',
  ],
  protomaps: [
    'earth',
    'landcover',
    'landuse',
    'natural',
    'water',
    'physical_line',
    'physical_point',
    'buildings',
    'roads',
    'transit',
    'boundaries',
    'places',
    'pois',
  ],
};

/** Layers of each schema that the other does not have: what tells them apart. */
const SIGNATURE: Record<Exclude<VectorSchema, 'generic'>, readonly string[]> = {
  openmaptiles: [
    'transportation',
    'transportation_name',
    'waterway',
    'place',
    'boundary',
    'building',
    'water_name',
    'park',
    'housenumber',
  ],
  protomaps: ['earth', 'roads', 'places', 'boundaries', 'buildings', 'pois', 'transit', 'natural'],
};
/** How many signature layers a file needs to count as following a schema. */
const MIN_SIGNATURE_LAYERS = 2;

/** The schema the source layers follow; `generic` when neither fits clearly. */
export function detectSchema(sourceLayers: readonly string[]): VectorSchema {
  const present = new Set(sourceLayers);
  const score = (schema: Exclude<VectorSchema, 'generic'>) =>
    SIGNATURE[schema].filter((l) => present.has(l)).length;
  const omt = score('openmaptiles');
  const pm = score('protomaps');
  if (omt >= MIN_SIGNATURE_LAYERS && omt > pm) return 'openmaptiles';
  if (pm >= MIN_SIGNATURE_LAYERS && pm > omt) return 'protomaps';
  return 'generic';
}
