// The MapLibre map of the atlas: style built in code, one file per layer group in ./layers/.
export { createMap } from './create-map.ts'; // the map with controls and marker images
export {
  buildStyle,
  applyTheme,
  styleLayerIds,
  atlasLayerOf,
  GROUPS,
  BACKGROUND_LAYER_ID,
} from './style.ts'; // style, themes and ids
export { showFeatures, setLayerVisible, unionBounds, fitToBounds } from './show-features.ts'; // data in
export { markerImage } from './markers.ts'; // legend pictures of the map's markers
export { LAYER_GROUPS, storeGroup } from './layers/index.ts';
export type { LegendItem, LegendSymbol, LayerGroup } from './layer-group.ts';
