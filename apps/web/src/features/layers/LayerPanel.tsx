import type { LayerName } from '@atlas/model';
import type { LayerInfo } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { LAYER_GROUPS } from '../../map/index.ts';
import type { LayerLoad } from '../atlas/use-atlas-data.ts';
import { LegendSwatch } from './LegendSwatch.tsx';

// The list of atlas layers: a checkbox per layer (Tab and Space work), its feature count,
// and its legend. Layers are listed top of the map first, the way a reader scans them.

type Props = {
  layers: readonly LayerInfo[];
  loads: Partial<Record<LayerName, LayerLoad>>;
  hidden: ReadonlySet<LayerName>;
  onToggle: (layer: LayerName, visible: boolean) => void;
};

export function LayerPanel({ layers, loads, hidden, onToggle }: Props) {
  const topFirst = [...layers].reverse();
  return (
    <nav className="layer-panel" aria-labelledby="layer-panel-title">
      <h2 id="layer-panel-title">{t.panel.title}</h2>
      <ul>
        {topFirst.map((info) => {
          const load = loads[info.name];
          const visible = !hidden.has(info.name);
          const inputId = `layer-toggle-${info.name}`;
          return (
            <li key={info.name} className="layer-item" data-layer={info.name}>
              <div className="layer-row">
                <input
                  id={inputId}
                  type="checkbox"
                  checked={visible}
                  onChange={(e) => onToggle(info.name, e.currentTarget.checked)}
                  aria-describedby={`${inputId}-count`}
                />
                <label htmlFor={inputId}>{t.layers[info.name]}</label>
                <span id={`${inputId}-count`} className="layer-count">
                  {load?.status === 'failed' ? t.panel.layerError : t.panel.count(info.count)}
                </span>
              </div>
              <ul className="legend" aria-label={`${t.layers[info.name]}${t.panel.legend}`}>
                {LAYER_GROUPS[info.name].legend.map((item) => (
                  <li key={item.label}>
                    <LegendSwatch symbol={item.symbol} />
                    <span>{item.label}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
