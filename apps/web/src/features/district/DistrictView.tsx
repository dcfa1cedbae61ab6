import { schoolType } from '@atlas/model';
import type { SchoolType } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { CHOROPLETH_CLASSES } from '../../map/overlays/choropleth.ts';
import { describeError } from '../status/describe-error.ts';
import {
  FINDING_STATUSES,
  isFiltered,
  NO_FILTERS,
  PROHIBITED_GROUP_KEYS,
} from '../filters/filters.ts';
import type { Filters } from '../filters/filters.ts';
import { BarChart } from './BarChart.tsx';
import type { Bar } from './aggregate.ts';
import type { DistrictLoad } from './use-district.ts';

// The district view: filters that narrow map and lists together, findings per township and
// per category as small charts, the choropleth switch and the schools with most findings.

type Props = {
  load: DistrictLoad;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  townships: Bar[];
  categories: Bar[];
  schools: Bar[];
  choropleth: boolean;
  onChoropleth: (on: boolean) => void;
  onSchool: (id: string) => void;
};

const toggled = <T,>(list: readonly T[], value: T, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);
const MAX_SCHOOLS_LISTED = 30;

export function DistrictView(props: Props) {
  const { load, filters, onFilters } = props;
  const d = t.district;
  return (
    <section className="district" aria-labelledby="district-title">
      <h2 id="district-title">{d.title}</h2>
      <fieldset className="filter-group">
        <legend>{d.category}</legend>
        {PROHIBITED_GROUP_KEYS.map((g) => (
          <label key={g} className="checkbox">
            <input
              type="checkbox"
              checked={filters.categories.includes(g)}
              onChange={(e) =>
                onFilters({
                  ...filters,
                  categories: toggled(filters.categories, g, e.currentTarget.checked),
                })
              }
            />
            {t.enums.prohibitedGroup[g]}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-group">
        <legend>{d.status}</legend>
        {FINDING_STATUSES.filter((s) => s !== 'clear').map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={filters.statuses.includes(s)}
              onChange={(e) =>
                onFilters({
                  ...filters,
                  statuses: toggled(filters.statuses, s, e.currentTarget.checked),
                })
              }
            />
            {t.statuses[s]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{d.schoolType}</span>
        <select
          value={filters.schoolTypes[0] ?? ''}
          onChange={(e) =>
            onFilters({
              ...filters,
              schoolTypes: e.currentTarget.value ? [e.currentTarget.value as SchoolType] : [],
            })
          }
        >
          <option value="">{d.all}</option>
          {schoolType.schema.options.map((k) => (
            <option key={k} value={k}>
              {t.enums.schoolType[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{d.township}</span>
        <select
          value={filters.township ?? ''}
          onChange={(e) => onFilters({ ...filters, township: e.currentTarget.value || null })}
        >
          <option value="">{d.all}</option>
          {load.status === 'loaded' &&
            load.data.townships.map((a) => (
              <option key={a.properties.code} value={a.properties.code}>
                {a.properties.name}
              </option>
            ))}
        </select>
      </label>
      {isFiltered(filters) && (
        <button type="button" className="tool-button" onClick={() => onFilters(NO_FILTERS)}>
          {d.clear}
        </button>
      )}

      {load.status === 'loading' && <p role="status">{d.loading}</p>}
      {load.status === 'failed' && (
        <p role="alert" className="form-error">
          {d.failed(describeError(load.error))}
        </p>
      )}
      {load.status === 'loaded' && load.data.runId === null && (
        <p className="hint">{d.unavailable}</p>
      )}
      {load.status === 'loaded' && load.data.runId !== null && (
        <>
          <h3>{d.byTownship}</h3>
          <BarChart
            bars={props.townships}
            title={d.byTownship}
            selected={filters.township}
            onPick={(code) =>
              onFilters({ ...filters, township: filters.township === code ? null : code })
            }
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={props.choropleth}
              onChange={(e) => props.onChoropleth(e.currentTarget.checked)}
            />
            {d.choropleth}
          </label>
          {props.choropleth && (
            <ul className="legend choropleth-legend" aria-label={d.choroplethLegend}>
              {CHOROPLETH_CLASSES.map((c, i) => {
                const next = CHOROPLETH_CLASSES[i + 1];
                return (
                  <li key={c.min}>
                    <span
                      className="swatch"
                      style={{
                        background: c.color,
                        width: 18,
                        height: 12,
                        display: 'inline-block',
                      }}
                    />
                    {next ? d.classRange(c.min, next.min - 1) : d.classFrom(c.min)}
                  </li>
                );
              })}
            </ul>
          )}
          <h3>{d.byCategory}</h3>
          {props.categories.length ? (
            <BarChart bars={props.categories} title={d.byCategory} />
          ) : (
            <p className="hint">{d.none}</p>
          )}
          <h3>{d.schools}</h3>
          {props.schools.length === 0 ? (
            <p className="hint">{d.none}</p>
          ) : (
            <ol className="district-schools">
              {props.schools.slice(0, MAX_SCHOOLS_LISTED).map((s) => (
                <li key={s.key}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onSchool(s.key)}
                  >
                    {s.label}
                  </button>
                  <span className="layer-count">{d.schoolFindings(s.count)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
