import { useEffect, useState } from 'react';
import { createApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { Dossier } from '../dossier/Dossier.tsx';
import { filterFindings } from '../dossier/filter-findings.ts';
import { useDossier } from '../dossier/use-dossier.ts';
import { useViewState } from '../url-state/use-view-state.ts';
import { fetchSchoolPage } from './school-page.ts';
import { SchoolList } from './SchoolList.tsx';
import { SvgMap } from './SvgMap.tsx';
import { useSchoolList } from './use-school-list.ts';
import type { SchoolSource } from './use-school-list.ts';

// The page without WebGL: a school list (searched on the server, otherwise paged) and for
// the chosen one its dossier (findings table included) with an SVG sketch map. Same URL
// state (?school=) as the map. Nothing is fetched whole, so a province works as a district.

const api = createApiClient();
const schools: SchoolSource = {
  page: (request) => fetchSchoolPage(api, request),
  search: api.search,
};

export function FallbackApp() {
  const [view, setView] = useViewState();
  const list = useSchoolList(schools);
  const [total, setTotal] = useState<number | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    // The count only adds "of N" to the list; without it the list still works.
    api.layerList(abort.signal).then(
      (l) => setTotal(l.layers.find((x) => x.name === 'schools')?.count ?? null),
      () => undefined,
    );
    return () => abort.abort();
  }, []);
  const dossier = useDossier(api, view.school);
  const data = dossier?.status === 'loaded' ? dossier.data : null;

  return (
    <div className="app fallback">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <p role="note" className="fallback-notice">
          {t.fallback.notice}
        </p>
      </header>
      <aside className="sidebar">
        <SchoolList
          query={list.query}
          onQuery={list.setQuery}
          browse={list.browse}
          search={list.search}
          onLoadMore={list.loadMore}
          total={total}
          selected={view.school}
          onPick={(id) => setView({ school: id })}
        />
      </aside>
      <main className="fallback-main">
        {!dossier && <p className="hint">{t.fallback.pick}</p>}
        {data && (
          <SvgMap
            data={data}
            findings={data.findings ? filterFindings(data.findings, view.filters) : []}
          />
        )}
        {dossier && (
          <Dossier
            load={dossier}
            filters={view.filters}
            onClose={() => setView({ school: null })}
          />
        )}
      </main>
    </div>
  );
}
