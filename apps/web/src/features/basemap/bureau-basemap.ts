import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LAYER_PREFIX, basemapBeforeId } from '../../map/index.ts';

// The bureau's own offline basemap: a PMTiles file the server was started with
// (ATLAS_BASEMAP), described by /basemap.json on the page's own origin and served as
// /basemap/{z}/{x}/{y}. When it exists it is the default base map. Raster files are drawn as
// they are; vector files get a plain grey style (fills, lines, points per source layer),
// since their own style is not in the file.

export const BUREAU_JSON_PATH = '/basemap.json';
export const BUREAU_SOURCE_ID = 'bureau-basemap';
const LAYER_ID = `${BASEMAP_LAYER_PREFIX}bureau`;
const RASTER_TILE_SIZE_PX = 256;
const PLAIN = { fill: '#d9d9d4', fillOpacity: 0.6, line: '#a6a6a0', lineWidthPx: 1, pointPx: 2 };

export type BureauBasemap = {
  kind: 'raster' | 'vector';
  name: string;
  url: string;
  /** Source layer ids of a vector file, from its TileJSON. */
  vectorLayers: string[];
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
  return {
    kind: json.kind,
    name: typeof json.name === 'string' ? json.name : '',
    url,
    vectorLayers: layers.flatMap((l) => (typeof l.id === 'string' ? [l.id] : [])),
  };
}

function plainVectorLayers(sourceLayers: string[]): LayerSpecification[] {
  return sourceLayers.flatMap((sourceLayer, i): LayerSpecification[] => {
    const from = { source: BUREAU_SOURCE_ID, 'source-layer': sourceLayer };
    const id = `${LAYER_ID}-${i}`;
    return [
      {
        id: `${id}-fill`,
        type: 'fill',
        ...from,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': PLAIN.fill, 'fill-opacity': PLAIN.fillOpacity },
      },
      {
        id: `${id}-line`,
        type: 'line',
        ...from,
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': PLAIN.line, 'line-width': PLAIN.lineWidthPx },
      },
      {
        id: `${id}-point`,
        type: 'circle',
        ...from,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': PLAIN.line, 'circle-radius': PLAIN.pointPx },
      },
    ];
  });
}

/** The style layers that draw the basemap. */
export function bureauLayers(basemap: BureauBasemap): LayerSpecification[] {
  if (basemap.kind === 'vector') return plainVectorLayers(basemap.vectorLayers);
  return [{ id: LAYER_ID, type: 'raster', source: BUREAU_SOURCE_ID }];
}

/** Shows (on) or removes (off, or null) the bureau basemap, under every atlas layer. */
export function applyBureauBasemap(
  map: MapLibreMap,
  basemap: BureauBasemap | null,
  on: boolean,
): void {
  for (const layer of map.getStyle().layers) {
    if (layer.id.startsWith(LAYER_ID)) map.removeLayer(layer.id);
  }
  if (map.getSource(BUREAU_SOURCE_ID)) map.removeSource(BUREAU_SOURCE_ID);
  if (!basemap || !on) return;
  map.addSource(
    BUREAU_SOURCE_ID,
    basemap.kind === 'raster'
      ? { type: 'raster', url: basemap.url, tileSize: RASTER_TILE_SIZE_PX }
      : { type: 'vector', url: basemap.url },
  );
  const before = basemapBeforeId(map);
  for (const layer of bureauLayers(basemap)) map.addLayer(layer, before);
}
