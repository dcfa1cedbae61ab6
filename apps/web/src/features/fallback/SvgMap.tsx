import type { Bbox, Position } from '@atlas/model';
import type { Finding } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { OKABE_ITO } from '../../map/palette.ts';
import { STATUS_COLORS, STATUS_DASH } from '../../map/overlays/dossier.ts';
import { boxAround, NEARBY_RADIUS_M } from '../dossier/nearby.ts';
import type { DossierData } from '../dossier/use-dossier.ts';
import { fitProjection, linePath, ringsPath } from './svg-projection.ts';

// A sketch map of one school's surroundings, drawn as SVG without WebGL: water, zone rings,
// hazards, the campus with its gates, and a line to each finding's target with its
// distance. North is up; a 100 m bar gives the scale.

const WIDTH_PX = 560;
const SCALE_BAR_M = 100;
const ZONE_COLOR = OKABE_ITO.reddishPurple;
type Rings = Position[][];
const arealRings = (g: { type: string; coordinates: unknown }): Rings =>
  g.type === 'Polygon'
    ? (g.coordinates as Rings)
    : g.type === 'MultiPolygon'
      ? (g.coordinates as Rings[]).flat()
      : [];

function extent(d: DossierData): Bbox {
  let box = boxAround(d.school.geometry.coordinates, NEARBY_RADIUS_M / 2);
  for (const z of d.zones ?? []) {
    for (const ring of arealRings(z.geometry as never))
      for (const [x, y] of ring)
        box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  }
  return box;
}

export function SvgMap({ data, findings }: { data: DossierData; findings: readonly Finding[] }) {
  const proj = fitProjection(extent(data), WIDTH_PX);
  const P = proj.project;
  const campus = data.school.properties.campus;
  const barPx = SCALE_BAR_M / proj.metresPerUnit;
  return (
    <svg
      className="svg-map"
      width={proj.width}
      height={proj.height}
      viewBox={`0 0 ${proj.width} ${proj.height}`}
      role="img"
      aria-label={t.fallback.mapLabel(data.school.properties.name)}
      data-testid="svg-map"
    >
      <rect width={proj.width} height={proj.height} fill="#f3f1ec" />
      {data.water.map(({ feature: w }) =>
        w.geometry.type === 'LineString' ? (
          <path
            key={w.id}
            d={linePath(w.geometry.coordinates, P)}
            stroke="#4a97c9"
            strokeWidth={3}
            fill="none"
          />
        ) : (
          <path
            key={w.id}
            d={ringsPath(arealRings(w.geometry), P)}
            fill="#9ccbe8"
            stroke="#4a97c9"
          />
        ),
      )}
      {(data.zones ?? []).map((z, i) => (
        <path
          key={i}
          d={ringsPath(arealRings(z.geometry as never), P)}
          fill="none"
          stroke={ZONE_COLOR}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      ))}
      {campus && (
        <path
          d={ringsPath(arealRings(campus), P)}
          fill="#ffffff"
          stroke="#0072B2"
          strokeWidth={3}
        />
      )}
      {data.school.properties.gates.map((g) => {
        const [x, y] = P(g.position);
        return <circle key={g.id} cx={x} cy={y} r={4} fill="#000" stroke="#fff" />;
      })}
      {findings.map((f) => {
        const [x1, y1] = P(f.originPoint);
        const [x2, y2] = P(f.targetPoint);
        const status = f.status as keyof typeof STATUS_COLORS;
        return (
          <g key={f.id} data-finding-id={f.id}>
            <line
              x1={x1}
              y1={y1}
              x2={x2}
              y2={y2}
              stroke={STATUS_COLORS[status]}
              strokeWidth={2}
              strokeDasharray={STATUS_DASH[status].map((n) => n * 3).join(' ')}
            />
            <circle cx={x2} cy={y2} r={5} fill={STATUS_COLORS[status]} stroke="#000" />
            <text
              x={(x1 + x2) / 2}
              y={(y1 + y2) / 2}
              fontSize={11}
              paintOrder="stroke"
              stroke="#fff"
              strokeWidth={3}
            >
              {t.dossier.distanceLabel(f.distanceM)}
            </text>
          </g>
        );
      })}
      {data.hazards.map(({ feature: h }) => {
        const [x, y] = P(h.geometry.coordinates);
        return (
          <path
            key={h.id}
            d={`M${x},${y - 8}L${x + 7},${y + 5}L${x - 7},${y + 5}Z`}
            fill={OKABE_ITO.orange}
            stroke="#000"
          />
        );
      })}
      <g transform={`translate(10 ${proj.height - 14})`}>
        <rect x={-4} y={-14} width={barPx + 60} height={22} fill="rgba(255,255,255,0.85)" />
        <line x1={0} y1={0} x2={barPx} y2={0} stroke="#000" strokeWidth={2} />
        <text x={barPx + 6} y={4} fontSize={11}>
          {t.dossier.distanceLabel(SCALE_BAR_M)}
        </text>
      </g>
      <text x={proj.width - 20} y={20} fontSize={13} fontWeight="bold" textAnchor="middle">
        ▲{t.print.north}
      </text>
    </svg>
  );
}
