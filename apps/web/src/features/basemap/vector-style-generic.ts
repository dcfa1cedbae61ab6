import type { LayerSpecification } from 'maplibre-gl';
import type { BureauColors } from './vector-style-colors.ts';
import { fromLayer, isGeometry } from './vector-style-parts.ts';

// The plain style for source layers of no known schema: every layer drawn by geometry type,
// fills, lines and points in quiet greys of the theme. Shows what the file holds, nothing more.

const PLAIN_FILL_OPACITY = 0.6;
const PLAIN_LINE_WIDTH_PX = 1;
const PLAIN_POINT_RADIUS_PX = 2;

/** Plain layers for each source layer, in the order given. */
export function genericLayers(
  c: BureauColors,
  sourceLayers: readonly string[],
): LayerSpecification[] {
  return sourceLayers.flatMap((sourceLayer, i) =>
    fromLayer(sourceLayer, () => true, [
      {
        id: `${i}-fill`,
        type: 'fill',
        filter: isGeometry('Polygon'),
        paint: { 'fill-color': c.plainFill, 'fill-opacity': PLAIN_FILL_OPACITY },
      },
      {
        id: `${i}-line`,
        type: 'line',
        filter: isGeometry('LineString'),
        paint: { 'line-color': c.plainLine, 'line-width': PLAIN_LINE_WIDTH_PX },
      },
      {
        id: `${i}-point`,
        type: 'circle',
        filter: isGeometry('Point'),
        paint: { 'circle-color': c.plainLine, 'circle-radius': PLAIN_POINT_RADIUS_PX },
      },
    ]),
  );
}
