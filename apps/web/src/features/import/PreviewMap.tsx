import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createMap } from '../../map/index.ts';
import { t } from '../../i18n/index.ts';
import { hasWebGL2 } from '../fallback/webgl.ts';
import { boundsOf, previewFeatures, rawPoints } from './preview-features.ts';
import type { ImportReport } from './import-client.ts';
import { PreviewSketch } from './PreviewSketch.tsx';

// A small map of the first features as they would load (WGS84, converted), over the
// atlas's own tiles so the user sees whether they land in the right street. Without
// geometry in the report, or without WebGL, an SVG sketch of the raw x/y stands in.

const SOURCE_ID = 'import-preview';
/** Room around the features, and the closest zoom for a single point. */
const FIT_PADDING_PX = 30;
const FIT_MAX_ZOOM = 16;
const POINT_RADIUS_PX = 7;
const POINT_STROKE_PX = 2.5;
const LINE_WIDTH_PX = 3;
const FILL_OPACITY = 0.25;
/** Magenta with a dark ring: no atlas layer uses it, so the new features stand out. */
const PREVIEW_COLOUR = '#e6007e';
const RING_COLOUR = '#1f1f1f';

type Props = { report: Pick<ImportReport, 'rows' | 'mapping'> };

export function PreviewMap({ report }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(() => !hasWebGL2());
  const collection = previewFeatures(report);
  const bounds = boundsOf(collection);
  const canDraw = bounds !== null && !failed;

  useEffect(() => {
    if (!canDraw || !container.current) return;
    let map: MapLibreMap;
    try {
      map = createMap(container.current);
    } catch {
      // No WebGL context after all (the check above passed): fall back to the sketch.
      queueMicrotask(() => setFailed(true));
      return;
    }
    const [w, s, e, n] = bounds;
    map.fitBounds([w, s, e, n], { padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, animate: false });
    map.on('load', () => {
      map.addSource(SOURCE_ID, { type: 'geojson', data: collection });
      map.addLayer({
        id: `${SOURCE_ID}-fill`,
        type: 'fill',
        source: SOURCE_ID,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': PREVIEW_COLOUR, 'fill-opacity': FILL_OPACITY },
      });
      map.addLayer({
        id: `${SOURCE_ID}-line`,
        type: 'line',
        source: SOURCE_ID,
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': PREVIEW_COLOUR, 'line-width': LINE_WIDTH_PX },
      });
      map.addLayer({
        id: `${SOURCE_ID}-point`,
        type: 'circle',
        source: SOURCE_ID,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': POINT_RADIUS_PX,
          'circle-color': PREVIEW_COLOUR,
          'circle-stroke-color': RING_COLOUR,
          'circle-stroke-width': POINT_STROKE_PX,
        },
      });
    });
    map.on('error', () => undefined); // a missing tile must not end the preview
    return () => map.remove();
    // The parent keys this component by job: a new report mounts a new map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canDraw]);

  if (!canDraw) {
    const points = rawPoints(report);
    return (
      <section aria-label={t.import.mapPreview}>
        <h3>{t.import.mapPreview}</h3>
        {points.length > 0 ? (
          <PreviewSketch points={points} />
        ) : (
          <p className="hint">{t.import.mapPreviewNone}</p>
        )}
      </section>
    );
  }
  return (
    <section aria-label={t.import.mapPreview}>
      <h3>{t.import.mapPreview}</h3>
      <div
        ref={container}
        className="import-map"
        data-testid="import-map"
        data-features={collection.features.length}
      />
    </section>
  );
}
