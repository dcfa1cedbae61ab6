import type { Bar } from './aggregate.ts';

// A small horizontal bar chart in SVG: one row per bar with its label, bar and count. The
// bars are one dark colour (order, not hue, carries the meaning), and each row is clickable
// when onPick is given.

const ROW_PX = 22;
const LABEL_PX = 96;
const COUNT_PX = 36;
const WIDTH_PX = 260;
const BAR_COLOR = '#54278f';

type Props = {
  bars: readonly Bar[];
  title: string;
  selected?: string | null;
  onPick?: (key: string) => void;
};

export function BarChart({ bars, title, selected, onPick }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const barSpace = WIDTH_PX - LABEL_PX - COUNT_PX;
  return (
    <svg
      className="bar-chart"
      width={WIDTH_PX}
      height={bars.length * ROW_PX}
      viewBox={`0 0 ${WIDTH_PX} ${bars.length * ROW_PX}`}
      role="img"
      aria-label={`${title}：${bars.map((b) => `${b.label} ${b.count}`).join('，')}`}
    >
      {bars.map((b, i) => {
        const y = i * ROW_PX;
        const w = (b.count / max) * barSpace;
        return (
          <g
            key={b.key}
            transform={`translate(0 ${y})`}
            className={onPick ? 'bar-row pickable' : 'bar-row'}
            onClick={onPick ? () => onPick(b.key) : undefined}
            data-key={b.key}
            data-count={b.count}
          >
            {selected === b.key && (
              <rect x={0} y={1} width={WIDTH_PX} height={ROW_PX - 2} fill="#e6f0f8" />
            )}
            <text
              x={LABEL_PX - 6}
              y={ROW_PX / 2}
              textAnchor="end"
              dominantBaseline="central"
              fontSize={12}
            >
              {b.label}
            </text>
            <rect
              x={LABEL_PX}
              y={4}
              width={Math.max(w, b.count > 0 ? 2 : 0)}
              height={ROW_PX - 8}
              fill={BAR_COLOR}
            />
            <text x={LABEL_PX + w + 4} y={ROW_PX / 2} dominantBaseline="central" fontSize={12}>
              {b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
