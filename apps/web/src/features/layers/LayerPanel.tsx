import { t } from '../../i18n/index.ts';
import { STORE_CELL_LEGEND } from '../../map/layers/stores.ts';
import { LegendSwatch } from './LegendSwatch.tsx';
import { PANEL_GROUPS } from './panel-items.ts';

// The layer panel, in the planners' groups. Every entry: a checkbox (Tab and Space work),
// its legend swatch(es) and how many of its features lie in the current view.

type Props = {
  hidden: ReadonlySet<string>;
  /** Features per entry in the current view; null while a layer is loading. */
  counts: Record<string, number | null>;
  failed: ReadonlySet<string>;
  onToggle: (itemId: string, visible: boolean) => void;
};

export function LayerPanel({ hidden, counts, failed, onToggle }: Props) {
  return (
    <nav className="layer-panel" aria-labelledby="layer-panel-title">
      <h2 id="layer-panel-title">
        {t.panel.title}
        <span className="panel-note">（{t.panel.inView}）</span>
      </h2>
      {PANEL_GROUPS.map((group) => (
        <section key={group.id} className="layer-group" data-group={group.id}>
          <h3>{group.title}</h3>
          <ul>
            {group.items.map((item) => {
              const inputId = `layer-toggle-${item.id.replace('.', '-')}`;
              const count = counts[item.id];
              return (
                <li key={item.id} className="layer-item" data-item={item.id}>
                  <div className="layer-row">
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={!hidden.has(item.id)}
                      onChange={(e) => onToggle(item.id, e.currentTarget.checked)}
                      aria-describedby={`${inputId}-count`}
                    />
                    {item.legend.length === 1 && <LegendSwatch symbol={item.legend[0]!.symbol} />}
                    <label htmlFor={inputId}>{item.label}</label>
                    <span id={`${inputId}-count`} className="layer-count" data-count={count ?? ''}>
                      {failed.has(item.id)
                        ? t.panel.layerError
                        : count === null || count === undefined
                          ? t.panel.countUnknown
                          : t.panel.count(count)}
                    </span>
                  </div>
                  {item.legend.length > 1 && (
                    <ul className="legend" aria-label={`${item.label}${t.panel.legend}`}>
                      {item.legend.map((entry) => (
                        <li key={entry.label}>
                          <LegendSwatch symbol={entry.symbol} />
                          <span>{entry.label}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {item.id === 'zones' && <p className="layer-hint">{t.panel.zonesHint}</p>}
                  {item.id === 'audit.zones' && (
                    <p className="layer-hint">{t.panel.auditZonesHint}</p>
                  )}
                </li>
              );
            })}
          </ul>
          {group.id === 'stores' && (
            <p className="layer-hint">
              <LegendSwatch symbol={STORE_CELL_LEGEND.symbol} /> {t.panel.storeCellsHint}
            </p>
          )}
        </section>
      ))}
    </nav>
  );
}
