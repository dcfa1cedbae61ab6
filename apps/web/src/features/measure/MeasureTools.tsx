import { t } from '../../i18n/index.ts';
import { pathLengthM, polygonAreaM2 } from './geodesic-measure.ts';
import type { useMeasure } from './use-measure.ts';

// Buttons for the measuring tool and its result, over the map's top-left corner.

type Props = { measure: ReturnType<typeof useMeasure> };

export function MeasureTools({ measure }: Props) {
  const { mode, points, start, addCentre } = measure;
  const area = mode === 'area' ? polygonAreaM2(points) : null;
  return (
    <div className="map-tools" role="toolbar" aria-label={t.tools.toolbar}>
      <button
        type="button"
        className="tool-button"
        aria-pressed={mode === 'distance'}
        onClick={() => start(mode === 'distance' ? null : 'distance')}
      >
        {t.tools.measureDistance}
      </button>
      <button
        type="button"
        className="tool-button"
        aria-pressed={mode === 'area'}
        onClick={() => start(mode === 'area' ? null : 'area')}
      >
        {t.tools.measureArea}
      </button>
      {mode && (
        <div className="measure-result" role="status" data-testid="measure-result">
          <p className="hint">{t.tools.measureHint}</p>
          <button type="button" className="tool-button" onClick={addCentre}>
            {t.tools.addCentre}
          </button>
          {mode === 'distance' && <strong>{t.tools.distance(pathLengthM(points))}</strong>}
          {area && (
            <strong>
              {t.tools.area(area.areaM2)}（{t.tools.perimeter(t.tools.distance(area.perimeterM))}）
            </strong>
          )}
          <button type="button" className="tool-button" onClick={() => start(null)}>
            {t.tools.measureStop}
          </button>
        </div>
      )}
    </div>
  );
}
