import type { LegendSymbol } from '../../map/index.ts';
import { markerImage } from '../../map/index.ts';

// A small picture of how the map draws a legend entry. Markers use the very image the map
// registered, so the legend cannot drift from the map.

const SWATCH_PX = 22;
/** Markers are shown at their map size up to this, so their inner character stays legible. */
const MARKER_SWATCH_MAX_PX = 28;
const DASH = '4 3';

export function LegendSwatch({ symbol }: { symbol: LegendSymbol }) {
  if (symbol.kind === 'marker') {
    const { url, sizePx } = markerImage(symbol.marker);
    const px = Math.min(sizePx, MARKER_SWATCH_MAX_PX);
    return (
      <span className="swatch swatch-marker" style={{ width: MARKER_SWATCH_MAX_PX, height: px }}>
        <img src={url} width={px} height={px} alt="" />
      </span>
    );
  }
  const mid = SWATCH_PX / 2;
  return (
    <svg
      className="swatch"
      width={SWATCH_PX}
      height={SWATCH_PX}
      viewBox={`0 0 ${SWATCH_PX} ${SWATCH_PX}`}
      aria-hidden="true"
    >
      {symbol.kind === 'fill' && (
        <rect
          x={3}
          y={4}
          width={SWATCH_PX - 6}
          height={SWATCH_PX - 8}
          fill={symbol.color}
          fillOpacity={symbol.opacity ?? 1}
          stroke={symbol.outline}
          strokeWidth={1.5}
          strokeDasharray={symbol.dashed ? DASH : undefined}
        />
      )}
      {symbol.kind === 'line' && (
        <>
          {symbol.casing && (
            <line
              x1={1}
              y1={mid}
              x2={SWATCH_PX - 1}
              y2={mid}
              stroke={symbol.casing}
              strokeWidth={symbol.widthPx + 2}
            />
          )}
          <line
            x1={1}
            y1={mid}
            x2={SWATCH_PX - 1}
            y2={mid}
            stroke={symbol.color}
            strokeWidth={symbol.widthPx}
            strokeDasharray={symbol.dashed ? DASH : undefined}
          />
        </>
      )}
      {symbol.kind === 'circle' && (
        <circle
          cx={mid}
          cy={mid}
          r={5}
          fill={symbol.color}
          stroke={symbol.stroke}
          strokeWidth={1.5}
        />
      )}
    </svg>
  );
}
