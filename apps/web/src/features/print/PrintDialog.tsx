import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import type { LegendItem } from '../../map/index.ts';
import { describeError } from '../status/describe-error.ts';
import { exportMap } from './export-map.ts';
import type { PrintOptions } from './export-map.ts';
import { DPI_CHOICES, PAPERS } from './paper.ts';
import type { Orientation, Paper } from './paper.ts';

// The print/export dialog: a modal <dialog> (focus stays inside, Escape closes) with the
// page options and two buttons, PNG and PDF.

type Props = {
  map: MapLibreMap;
  legend: readonly LegendItem[];
  sources: string;
  onClose: () => void;
};

export function PrintDialog({ map, legend, sources, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState<string>(t.print.defaultTitle);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [dpi, setDpi] = useState<number>(DPI_CHOICES[1]);
  const [withLegend, setWithLegend] = useState(true);
  const [state, setState] = useState<
    | { phase: 'idle' | 'working' }
    | { phase: 'done'; name: string }
    | { phase: 'failed'; error: unknown }
  >({ phase: 'idle' });

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const run = (format: PrintOptions['format']) => {
    setState({ phase: 'working' });
    const date = new Date().toLocaleDateString('zh-CN');
    exportMap(map, legend, {
      paper,
      orientation,
      dpi,
      legend: withLegend,
      format,
      text: { title, date: t.print.date(date), sources: t.print.sources(sources) },
    }).then(
      (name) => setState({ phase: 'done', name }),
      (error: unknown) => setState({ phase: 'failed', error }),
    );
  };

  return (
    <dialog ref={ref} className="print-dialog" aria-labelledby="print-title" onClose={onClose}>
      <h2 id="print-title">{t.print.title}</h2>
      <label className="field">
        <span>{t.print.mapTitle}</span>
        <input value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label className="field">
        <span>{t.print.paper}</span>
        <select value={paper} onChange={(e) => setPaper(e.currentTarget.value as Paper)}>
          {Object.keys(PAPERS).map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <fieldset className="filter-group">
        <legend>{t.print.orientation}</legend>
        {(['portrait', 'landscape'] as const).map((o) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              name="orientation"
              checked={orientation === o}
              onChange={() => setOrientation(o)}
            />
            {t.print[o]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t.print.dpi}</span>
        <select value={dpi} onChange={(e) => setDpi(Number(e.currentTarget.value))}>
          {DPI_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={withLegend}
          onChange={(e) => setWithLegend(e.currentTarget.checked)}
        />
        {t.print.legend}
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="tool-button"
          disabled={state.phase === 'working'}
          onClick={() => run('png')}
        >
          {t.print.png}
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={state.phase === 'working'}
          onClick={() => run('pdf')}
        >
          {t.print.pdf}
        </button>
        <button type="button" className="tool-button" onClick={() => ref.current?.close()}>
          {t.print.close}
        </button>
      </div>
      <p role="status" className="hint" data-print-state={state.phase}>
        {state.phase === 'working' && t.print.working}
        {state.phase === 'done' && t.print.done(state.name)}
      </p>
      {state.phase === 'failed' && (
        <p role="alert" className="form-error">
          {t.print.failed(describeError(state.error))}
        </p>
      )}
    </dialog>
  );
}
