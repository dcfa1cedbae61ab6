import { t } from '../../i18n/index.ts';
import type { LayerGroup } from '../layer-group.ts';
import { OKABE_ITO } from '../palette.ts';
import { fromTiles } from '../tile-source.ts';

// Pipelines and power lines: one dashed line each, told apart by colour and dash pattern.

const KIND_STYLE = {
  hv_power: { color: OKABE_ITO.reddishPurple, dash: [4, 2] },
  gas: { color: OKABE_ITO.orange, dash: [2, 1] },
  oil: { color: OKABE_ITO.black, dash: [6, 2, 1, 2] },
} as const;
const PIPELINE_WIDTH_PX = 2.5;

export const pipelines: LayerGroup<'pipelines'> = {
  layer: 'pipelines',
  sourceLayers: ['pipelines'],
  layers: () => [
    {
      id: 'pipelines-line',
      type: 'line',
      ...fromTiles('pipelines'),
      paint: {
        'line-color': [
          'match',
          ['get', 'kind'],
          'hv_power',
          KIND_STYLE.hv_power.color,
          'gas',
          KIND_STYLE.gas.color,
          KIND_STYLE.oil.color,
        ],
        'line-width': PIPELINE_WIDTH_PX,
        'line-dasharray': [
          'match',
          ['get', 'kind'],
          'hv_power',
          ['literal', KIND_STYLE.hv_power.dash],
          'gas',
          ['literal', KIND_STYLE.gas.dash],
          ['literal', KIND_STYLE.oil.dash],
        ],
      },
    },
  ],
  labels: () => [],
  legend: (Object.keys(KIND_STYLE) as (keyof typeof KIND_STYLE)[]).map((kind) => ({
    label: t.enums.pipelineKind[kind],
    symbol: {
      kind: 'line',
      color: KIND_STYLE[kind].color,
      widthPx: PIPELINE_WIDTH_PX,
      dashed: true,
    },
  })),
};
