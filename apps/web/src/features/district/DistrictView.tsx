import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';
import { FilterControls } from '../filters/FilterControls.tsx';
import type { Filters } from '../filters/filters.ts';
import { BarChart } from './BarChart.tsx';
import { ChoroplethControls } from './ChoroplethControls.tsx';
import { byCategory, bySchool, byTownship, countsOf } from './aggregate.ts';
import { showChoropleth } from './show-choropleth.ts';
import type { ChoroplethMode } from './show-choropleth.ts';
import { TownshipFindings } from './TownshipFindings.tsx';
import { useDistrict, SCHOOLS_LISTED } from './use-district.ts';
import { useFindingPages } from './use-finding-pages.ts';
import { useSchoolCounts } from './use-school-counts.ts';

// The district view: filters that narrow map and lists together, findings per township and
// per category as small charts (counted by the server), the choropleth on the tiles'
// townships or schools, the schools with most findings and the chosen township's findings.

type Props = {
  api: ApiClient;
  map: MapLibreMap | null;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  onSchool: (id: string) => void;
};

export function DistrictView({ api, map, filters, onFilters, onSchool }: Props) {
  const d = t.district;
  const load = useDistrict(api, filters);
  const data = load?.status === 'loaded' ? load.data : null;
  const summary = data?.summary ?? null;
  const charts = useMemo(
    () =>
      summary
        ? {
            townships: byTownship(summary),
            categories: byCategory(summary),
            schools: bySchool(summary),
          }
        : { townships: [], categories: [], schools: [] },
    [summary],
  );
  const [mode, setMode] = useState<ChoroplethMode>('off');
  const perSchool = useSchoolCounts(api, map, mode === 'school', filters);
  const townshipCounts = useMemo(() => countsOf(charts.townships), [charts.townships]);
  useEffect(() => {
    if (!map) return;
    showChoropleth(map, mode, townshipCounts, perSchool.counts);
    return () => showChoropleth(map, 'off', null, null);
  }, [map, mode, townshipCounts, perSchool.counts]);

  const pages = useFindingPages(api, data?.runId ?? null, filters);
  const schoolNames = useMemo(
    () => new Map(charts.schools.map((s) => [s.key, s.label])),
    [charts.schools],
  );
  const townshipName = summary?.townships.find((a) => a.code === filters.township)?.name;

  return (
    <section className="district" aria-labelledby="district-title">
      <h2 id="district-title">{d.title}</h2>
      <FilterControls
        filters={filters}
        onFilters={onFilters}
        townships={summary?.townships ?? []}
      />

      {load?.status === 'loading' && <p role="status">{d.loading}</p>}
      {load?.status === 'failed' && (
        <p role="alert" className="form-error">
          {d.failed(describeError(load.error))}
        </p>
      )}
      {data && data.runId === null && <p className="hint">{d.unavailable}</p>}
      {summary && (
        <>
          <p className="district-total" data-total={summary.total}>
            {d.total(summary.total)}
          </p>
          <h3>{d.byTownship}</h3>
          <BarChart
            bars={charts.townships}
            title={d.byTownship}
            selected={filters.township}
            onPick={(code) =>
              onFilters({ ...filters, township: filters.township === code ? null : code })
            }
          />
          <ChoroplethControls mode={mode} onMode={setMode} tooMany={perSchool.tooMany} />
          <h3>{d.byCategory}</h3>
          {charts.categories.length ? (
            <BarChart bars={charts.categories} title={d.byCategory} />
          ) : (
            <p className="hint">{d.none}</p>
          )}
          <h3>{d.schools}</h3>
          {charts.schools.length === 0 ? (
            <p className="hint">{d.none}</p>
          ) : (
            <>
              <p className="hint">
                {d.schoolsShown(
                  Math.min(charts.schools.length, SCHOOLS_LISTED),
                  summary.schoolCount,
                )}
              </p>
              <ol className="district-schools">
                {charts.schools.slice(0, SCHOOLS_LISTED).map((s) => (
                  <li key={s.key} data-school={s.key} data-count={s.count}>
                    <button type="button" className="link-button" onClick={() => onSchool(s.key)}>
                      {s.label}
                    </button>
                    <span className="layer-count">{d.schoolFindings(s.count)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {filters.township && (
            <TownshipFindings
              title={d.townshipFindings(townshipName ?? filters.township)}
              pages={pages}
              schoolNames={schoolNames}
              onSchool={onSchool}
            />
          )}
        </>
      )}
    </section>
  );
}
