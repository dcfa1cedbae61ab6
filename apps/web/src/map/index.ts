// The MapLibre map of the atlas: style built in code, one file per layer group in ./layers/.
export { createMap } from './create-map.ts'; // the map with controls and marker images
export {
  buildStyle,
  applyTheme,
  styleLayerIds,
  atlasLayerOf,
  GROUPS,
  BACKGROUND_LAYER_ID,
  BASEMAP_LAYER_PREFIX,
  basemapBeforeId,
} from './style.ts'; // style, themes and ids
export { setLayerVisible, unionBounds, fitToBounds } from './show-features.ts'; // view and visibility
export { ATLAS_SOURCE, IS_CELL } from './tile-source.ts'; // the vector tiles every layer draws from
export { markerImage } from './markers.ts'; // legend pictures of the map's markers
export { LAYER_GROUPS, storeGroup } from './layers/index.ts';
export type { LegendItem, LegendSymbol, LayerGroup } from './layer-group.ts';
