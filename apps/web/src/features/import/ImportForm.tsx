import { useState } from 'react';
import { LayerNameSchema } from '@atlas/model';
import type { LayerName } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { CrsPicker } from './CrsPicker.tsx';
import { crsOf, NO_CRS } from './crs-choice.ts';
import type { CrsSelection } from './crs-choice.ts';
import type { UploadRequest } from './import-client.ts';

// The upload form: which layer, which file, where it came from, and (optionally) its CRS.

/** What the file input offers; the server decides by content, not by this list. */
const ACCEPT = '.csv,.txt,.xlsx,.zip,.kml,.kmz,.gpx,.geojson,.json,.geojsonl,.geojsons';
/** Layers people import most, first. */
const LAYER_ORDER: readonly LayerName[] = ['stores', 'schools', 'hazards', 'water', 'routes'];
const LAYERS = [...LAYER_ORDER, ...LayerNameSchema.options.filter((l) => !LAYER_ORDER.includes(l))];

type Props = {
  busy: boolean;
  onUpload: (request: UploadRequest) => void;
};

export function ImportForm({ busy, onUpload }: Props) {
  const [layer, setLayer] = useState<LayerName>('stores');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [crs, setCrs] = useState<CrsSelection>(NO_CRS);
  const chosenCrs = crsOf(crs);
  const crsIncomplete = crs.preset !== '' && chosenCrs === '';

  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        onUpload({
          file,
          layer,
          source: source.trim() || undefined,
          overrides: chosenCrs ? { crs: chosenCrs } : {},
        });
      }}
    >
      <label className="field">
        <span>{t.import.layer}</span>
        <select value={layer} onChange={(e) => setLayer(e.currentTarget.value as LayerName)}>
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {t.layers[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.import.file}</span>
        <input
          type="file"
          accept={ACCEPT}
          aria-describedby="import-file-hint"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <span id="import-file-hint" className="hint">
          {t.import.fileHint}
        </span>
      </label>
      <label className="field">
        <span>{t.import.source}</span>
        <input
          value={source}
          placeholder={t.import.sourceHint}
          onChange={(e) => setSource(e.currentTarget.value)}
        />
      </label>
      <CrsPicker label={t.import.crs} emptyLabel={t.import.crsAuto} value={crs} onChange={setCrs} />
      <div className="dialog-actions">
        <button type="submit" className="tool-button" disabled={busy || !file || crsIncomplete}>
          {t.import.upload}
        </button>
      </div>
    </form>
  );
}
