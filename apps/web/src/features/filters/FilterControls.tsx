import { schoolType } from '@atlas/model';
import type { SchoolType } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import { FINDING_STATUSES, isFiltered, NO_FILTERS, PROHIBITED_GROUP_KEYS } from './filters.ts';
import type { Filters } from './filters.ts';

// The district filters as controls: 场所类别 and 状态 as checkboxes, 学校类型 and 乡镇/街道 as
// lists, and a button that clears them all. The townships come from the server's summary.

type Props = {
  filters: Filters;
  onFilters: (filters: Filters) => void;
  townships: readonly { code: string; name: string | null }[];
};

const toggled = <T,>(list: readonly T[], value: T, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

export function FilterControls({ filters, onFilters, townships }: Props) {
  const d = t.district;
  return (
    <>
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
          {townships.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name ?? a.code}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filters) && (
        <button type="button" className="tool-button" onClick={() => onFilters(NO_FILTERS)}>
          {d.clear}
        </button>
      )}
    </>
  );
}
