import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { basemapBeforeId } from '../../map/index.ts';
import type { Theme } from '../../map/palette.ts';
import { detectSchema } from './vector-schema.ts';
import type { VectorSchema } from './vector-schema.ts';
import { bureauVectorLayers } from './vector-style.ts';
import { BUREAU_LAYER_ID, BUREAU_SOURCE_ID } from './vector-style-parts.ts';

// The bureau's own offline basemap: a PMTiles or MBTiles file the server was started with
// (ATLAS_BASEMAP), described by /basemap.json on the page's own origin and served as
// /basemap/{z}/{x}/{y}. When it exists it is the default base map. Raster files are drawn as
// they are; vector files bring no style, so one is built from their source layers
// (vector-style.ts) in the atlas's light or dark colours.

export const BUREAU_JSON_PATH = '/basemap.json';
export { BUREAU_SOURCE_ID };
const RASTER_TILE_SIZE_PX = 256;

export type BureauBasemap = {
  kind: 'raster' | 'vector';
  name: string;
  url: string;
  /** Source layer ids of a vector file, from its TileJSON. */
  vectorLayers: string[];
  /** The tile schema those layers follow; null for a raster file. */
  schema: VectorSchema | null;
};

type TileJson = { kind?: unknown; name?: unknown; vector_layers?: unknown };

/** The basemap the server offers, or null when it has none (404) or cannot say. */
export async function fetchBureauBasemap(
  origin: string,
  fetchFn: typeof fetch = fetch,
): Promise<BureauBasemap | null> {
  const url = new URL(BUREAU_JSON_PATH, origin).href;
  const res = await fetchFn(url).catch(() => null);
  if (!res?.ok) return null;
  const json = (await res.json().catch(() => null)) as TileJson | null;
  if (json?.kind !== 'raster' && json?.kind !== 'vector') return null;
  const layers = Array.isArray(json.vector_layers)
    ? (json.vector_layers as { id?: unknown }[])
    : [];
  const vectorLayers = layers.flatMap((l) => (typeof l.id === 'string' ? [l.id] : []));
  return {
    kind: json.kind,
    name: typeof json.name === 'string' ? json.name : '',
    url,
    vectorLayers,
    schema: json.kind === 'vector' ? detectSchema(vectorLayers) : null,
  };
}

/** The style layers that draw the basemap in a theme. */
export function bureauLayers(basemap: BureauBasemap, theme: Theme): LayerSpecification[] {
  if (basemap.kind === 'vector')
    return bureauVectorLayers(basemap.vectorLayers, theme, basemap.schema ?? undefined);
  return [{ id: BUREAU_LAYER_ID, type: 'raster', source: BUREAU_SOURCE_ID }];
}

/**
 * Shows (on) or removes (off, or null) the bureau basemap, under every atlas layer. A theme
 * change swaps only the style layers: the source and its loaded tiles stay.
 */
export function applyBureauBasemap(
  map: MapLibreMap,
  basemap: BureauBasemap | null,
  on: boolean,
  theme: Theme,
): void {
  for (const layer of map.getStyle().layers) {
    if (layer.id.startsWith(BUREAU_LAYER_ID)) map.removeLayer(layer.id);
  }
  if (!basemap || !on) {
    if (map.getSource(BUREAU_SOURCE_ID)) map.removeSource(BUREAU_SOURCE_ID);
    return;
  }
  if (!map.getSource(BUREAU_SOURCE_ID))
    map.addSource(
      BUREAU_SOURCE_ID,
      basemap.kind === 'raster'
        ? { type: 'raster', url: basemap.url, tileSize: RASTER_TILE_SIZE_PX }
        : { type: 'vector', url: basemap.url },
    );
  const before = basemapBeforeId(map);
  for (const layer of bureauLayers(basemap, theme)) map.addLayer(layer, before);
}
