import { t } from '../../i18n/index.ts';

// An SVG sketch of raw x/y points when there is no geometry to put on a map: x to the
// right, y up, scaled to fit, each point labelled with its row number.

const WIDTH_PX = 360;
const HEIGHT_PX = 200;
const MARGIN_PX = 16;
const POINT_RADIUS_PX = 4;
const LABEL_OFFSET_PX = 6;
const LABEL_SIZE_PX = 11;
/** The map preview's colours: magenta points on a paper-like ground. */
const POINT_COLOUR = '#e6007e';
const GROUND_COLOUR = '#f4f2ec';

type Props = { points: readonly { row: number; xy: readonly [number, number] }[] };

export function PreviewSketch({ points }: Props) {
  const xs = points.map((p) => p.xy[0]);
  const ys = points.map((p) => p.xy[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  // One scale for both axes keeps the shape; a single point (span 0) sits in the middle.
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const scale = Math.min(WIDTH_PX, HEIGHT_PX) - 2 * MARGIN_PX;
  const px = (x: number) => MARGIN_PX + ((x - minX) / span) * scale;
  const py = (y: number) => HEIGHT_PX - MARGIN_PX - ((y - minY) / span) * scale;
  return (
    <figure className="import-sketch">
      <svg
        viewBox={`0 0 ${WIDTH_PX} ${HEIGHT_PX}`}
        width={WIDTH_PX}
        height={HEIGHT_PX}
        role="img"
        aria-label={t.import.sketchNote}
      >
        <rect x={0} y={0} width={WIDTH_PX} height={HEIGHT_PX} fill={GROUND_COLOUR} />
        {points.map((p) => (
          <g key={p.row}>
            <circle cx={px(p.xy[0])} cy={py(p.xy[1])} r={POINT_RADIUS_PX} fill={POINT_COLOUR} />
            <text x={px(p.xy[0]) + LABEL_OFFSET_PX} y={py(p.xy[1])} fontSize={LABEL_SIZE_PX}>
              {p.row}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="hint">{t.import.sketchNote}</figcaption>
    </figure>
  );
}
