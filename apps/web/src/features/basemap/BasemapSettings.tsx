import { useState } from 'react';
import { t } from '../../i18n/index.ts';
import { THEMES } from '../../map/palette.ts';
import type { Theme } from '../../map/palette.ts';
import { tileUrl } from './online-basemap.ts';
import type { OnlineBasemap } from './online-basemap.ts';
import type { Preset } from './online-presets.ts';
import type { BureauChoice } from './use-bureau-basemap.ts';
import { SCHEMA_TITLES } from './vector-schema.ts';
import type { VectorSchema } from './vector-schema.ts';

// Base map choices: the bureau's own offline basemap file (on by default when the server
// has one), the atlas's own light or dark style, and the opt-in online basemap.

const schemaNote = (schema: VectorSchema) =>
  schema === 'generic'
    ? t.basemap.bureauVectorPlain
    : t.basemap.bureauVectorSchema(SCHEMA_TITLES[schema]);

type Props = {
  theme: Theme;
  onTheme: (theme: Theme) => void;
  online: OnlineBasemap;
  onOnline: (setting: OnlineBasemap) => void;
  bureau?: BureauChoice;
};

export function BasemapSettings({ theme, onTheme, online, onOnline, bureau }: Props) {
  const [draft, setDraft] = useState(online);
  const [presets, setPresets] = useState<Preset[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openOnline = (open: boolean) => {
    if (open && !presets) void import('./online-presets.ts').then((m) => setPresets(m.PRESETS));
  };
  const apply = (setting: OnlineBasemap) => {
    if (setting.enabled && !tileUrl(setting)) {
      setError(t.basemap.invalidTemplate);
      return;
    }
    setError(null);
    onOnline(setting);
  };

  return (
    <section className="basemap-settings" aria-labelledby="basemap-title">
      <h3 id="basemap-title">{t.basemap.title}</h3>
      {bureau?.basemap && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={bureau.on}
            onChange={(e) => bureau.setOn(e.currentTarget.checked)}
          />
          {t.basemap.bureau}
          {bureau.basemap.name && <small> {bureau.basemap.name}</small>}
          {bureau.basemap.schema && <small> {schemaNote(bureau.basemap.schema)}</small>}
        </label>
      )}
      <fieldset className="theme-choice">
        <legend>{t.basemap.theme}</legend>
        {THEMES.map((th) => (
          <label key={th}>
            <input
              type="radio"
              name="theme"
              value={th}
              checked={theme === th}
              onChange={() => onTheme(th)}
            />
            {t.basemap[th]}
          </label>
        ))}
      </fieldset>
      <details onToggle={(e) => openOnline(e.currentTarget.open)}>
        <summary>{t.basemap.online}</summary>
        <p className="hint">{t.basemap.onlineWarning}</p>
        <label className="field">
          <span>{t.basemap.preset}</span>
          <select
            value=""
            onChange={(e) => {
              const preset = presets?.find((p) => p.id === e.currentTarget.value);
              if (preset) setDraft({ ...draft, template: preset.template });
            }}
          >
            <option value="">{presets ? t.basemap.presetNone : t.basemap.presetsLoading}</option>
            {presets?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.basemap.template}</span>
          <input
            type="url"
            value={draft.template}
            placeholder="https://…/{z}/{x}/{y}.png"
            onChange={(e) => setDraft({ ...draft, template: e.currentTarget.value })}
          />
          <small>{t.basemap.templateHint}</small>
        </label>
        <label className="field">
          <span>{t.basemap.tk}</span>
          <input
            type="text"
            value={draft.tk}
            autoComplete="off"
            onChange={(e) => setDraft({ ...draft, tk: e.currentTarget.value })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={online.enabled}
            onChange={(e) => apply({ ...draft, enabled: e.currentTarget.checked })}
          />
          {t.basemap.onlineEnable}
        </label>
        {online.enabled && (
          <button type="button" onClick={() => apply({ ...draft, enabled: true })}>
            {t.basemap.apply}
          </button>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <p className="hint">{t.basemap.alignmentNote}</p>
      </details>
    </section>
  );
}
