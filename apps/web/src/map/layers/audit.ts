import type { LayerSpecification } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import type { LegendItem } from '../layer-group.ts';
import { STATUS_COLORS, statusLinePaint } from '../overlays/dossier.ts';
import { OKABE_ITO } from '../palette.ts';
import type { Palette } from '../palette.ts';
import { fromTiles, type TileLayerName } from '../tile-source.ts';

// The latest audit run on the map, from the tiles' audit layers: every school's perimeter
// rings (`perimeter_zones`, thin dashed outlines from z13, where the tiles carry them) and
// a line from the school to each target it found (`violations`). Status is told by colour
// AND dash, as in the dossier, so it reads in greyscale and for colour-blind eyes:
//   violation ━━━ vermillion solid · borderline ─ ─ orange long dash · monitor ··· blue dots
// Not an atlas layer (no features to pick in the layer API): drawn above all groups' layers.

/** The tiles carry zones from z13 (@atlas/tiles ZONE_MIN_ZOOM); a 200 m ring is a dot below. */
const ZONE_MIN_ZOOM = 13;
const ZONE_WIDTH_PX = 1;
const ZONE_OPACITY = 0.8;
const VIOLATION_WIDTH_PX = 2;
const DRAWN = ['violation', 'borderline', 'monitor'] as const;

export const AUDIT_LAYER_IDS = ['audit-zones-line', 'audit-violations-line'] as const;

export const audit = {
  sourceLayers: ['perimeter_zones', 'violations'] as readonly TileLayerName[],
  layers: (_p: Palette): LayerSpecification[] => [
    {
      id: AUDIT_LAYER_IDS[0],
      type: 'line',
      ...fromTiles('perimeter_zones'),
      minzoom: ZONE_MIN_ZOOM,
      paint: {
        'line-color': OKABE_ITO.reddishPurple,
        'line-width': ZONE_WIDTH_PX,
        'line-opacity': ZONE_OPACITY,
        'line-dasharray': [3, 2],
      },
    },
    {
      id: AUDIT_LAYER_IDS[1],
      type: 'line',
      ...fromTiles('violations'),
      filter: ['in', ['get', 'status'], ['literal', [...DRAWN]]],
      layout: { 'line-cap': 'round' },
      paint: statusLinePaint(VIOLATION_WIDTH_PX),
    },
  ],
  legend: [
    {
      label: t.legend.auditZoneRing,
      symbol: {
        kind: 'line',
        color: OKABE_ITO.reddishPurple,
        widthPx: ZONE_WIDTH_PX,
        dashed: true,
      },
    },
    ...DRAWN.map((status): LegendItem => ({
      label: t.statuses[status] ?? status,
      symbol: {
        kind: 'line',
        color: STATUS_COLORS[status],
        widthPx: VIOLATION_WIDTH_PX,
        dashed: status !== 'violation',
      },
    })),
  ] satisfies LegendItem[],
};
