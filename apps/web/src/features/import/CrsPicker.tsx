import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { CRS_OPTIONS, gkCrs, GK_CHOICE } from './crs-choice.ts';
import type { CrsSelection } from './crs-choice.ts';

// A CRS select (WGS84, CGCS2000, GCJ-02, BD-09, or a typed Gauss–Krüger EPSG code).

type Props = {
  label: string;
  /** Text of the empty choice ("auto-detect" or "please confirm"). */
  emptyLabel: string;
  value: CrsSelection;
  onChange: (value: CrsSelection) => void;
  /** A CRS to mark as the suggestion. */
  suggested?: string | null;
};

export function CrsPicker({ label, emptyLabel, value, onChange, suggested }: Props) {
  const codeId = useId();
  const labelOf = (crs: string) => t.import.crsOptions[crs] ?? crs;
  const invalid = value.preset === GK_CHOICE && value.gkCode !== '' && !gkCrs(value.gkCode);
  return (
    <div className="import-crs">
      <label className="field">
        <span>{label}</span>
        <select
          value={value.preset}
          onChange={(e) => {
            const preset = e.currentTarget.value;
            // An offered zone fills the code box, so confirming it is one more choice.
            const offeredZone = preset === GK_CHOICE && !value.gkCode && suggested;
            const gkCode = offeredZone && gkCrs(suggested) ? suggested : value.gkCode;
            onChange({ preset, gkCode });
          }}
        >
          <option value="">{emptyLabel}</option>
          {[...CRS_OPTIONS, GK_CHOICE].map((crs) => (
            <option key={crs} value={crs}>
              {crs === suggested || (crs === GK_CHOICE && suggested && gkCrs(suggested))
                ? t.import.suggested(labelOf(crs))
                : labelOf(crs)}
            </option>
          ))}
        </select>
      </label>
      {value.preset === GK_CHOICE && (
        <label className="field">
          <span>{t.import.gkCode}</span>
          <input
            value={value.gkCode}
            inputMode="numeric"
            placeholder="EPSG:4527"
            aria-invalid={invalid}
            aria-describedby={invalid ? codeId : undefined}
            onChange={(e) => onChange({ ...value, gkCode: e.currentTarget.value })}
          />
          {invalid && (
            <span id={codeId} className="form-error">
              {t.import.gkCodeInvalid}
            </span>
          )}
        </label>
      )}
    </div>
  );
}
