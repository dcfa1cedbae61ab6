import { t } from '../../i18n/index.ts';
import { CHOROPLETH_CLASSES } from '../../map/overlays/choropleth.ts';
import type { ChoroplethMode } from './show-choropleth.ts';

// How the map is coloured by findings: not at all, per township or per school, with the
// classes' legend and what the chosen colouring cannot show.

type Props = {
  mode: ChoroplethMode;
  onMode: (mode: ChoroplethMode) => void;
  tooMany: boolean;
};

const MODES: readonly ChoroplethMode[] = ['off', 'township', 'school'];

export function ChoroplethControls({ mode, onMode, tooMany }: Props) {
  const d = t.district;
  const label = {
    off: d.choroplethOff,
    township: d.choroplethTownship,
    school: d.choroplethSchool,
  };
  return (
    <>
      <fieldset className="filter-group">
        <legend>{d.choropleth}</legend>
        {MODES.map((m) => (
          <label key={m} className="checkbox">
            <input
              type="radio"
              name="choropleth"
              value={m}
              checked={mode === m}
              onChange={() => onMode(m)}
            />
            {label[m]}
          </label>
        ))}
      </fieldset>
      {mode !== 'off' && (
        <>
          <ul
            className="legend choropleth-legend"
            aria-label={mode === 'township' ? d.choroplethLegend : d.schoolLegend}
          >
            {CHOROPLETH_CLASSES.map((c, i) => {
              const next = CHOROPLETH_CLASSES[i + 1];
              return (
                <li key={c.min}>
                  <span
                    className="swatch"
                    style={{ background: c.color, width: 18, height: 12, display: 'inline-block' }}
                  />
                  {next ? d.classRange(c.min, next.min - 1) : d.classFrom(c.min)}
                </li>
              );
            })}
          </ul>
          <p className="hint">
            {mode === 'township' ? d.choroplethTownshipHint : d.choroplethSchoolHint}
          </p>
          {mode === 'school' && tooMany && <p className="hint">{d.choroplethTooMany}</p>}
        </>
      )}
    </>
  );
}
