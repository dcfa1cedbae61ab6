import { useEffect, useMemo, useState } from 'react';
import type { School } from '@atlas/model';
import { createApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { Dossier } from '../dossier/Dossier.tsx';
import { filterFindings } from '../dossier/filter-findings.ts';
import { useDossier } from '../dossier/use-dossier.ts';
import { describeError } from '../status/describe-error.ts';
import { useViewState } from '../url-state/use-view-state.ts';
import { SvgMap } from './SvgMap.tsx';

// The page without WebGL: a searchable list of schools, and for the chosen one its dossier
// (findings table included) with an SVG sketch map. Same URL state (?school=) as the map.

const api = createApiClient();
const SEARCH_LIMIT = 50;

export function FallbackApp() {
  const [view, setView] = useViewState();
  const [schools, setSchools] = useState<{ list: School[] } | { error: unknown } | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Set<string> | null>(null);

  useEffect(() => {
    api.allFeatures('schools').then(
      (list) =>
        setSchools({
          list: list.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh-CN')),
        }),
      (error: unknown) => setSchools({ error }),
    );
  }, []);
  // Pinyin and address matching happen on the server, as in the map's search box.
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const abort = new AbortController();
    api.search(q, SEARCH_LIMIT, abort.signal).then(
      (r) => setMatches(new Set(r.results.filter((x) => x.kind === 'school').map((x) => x.id))),
      () => undefined,
    );
    return () => abort.abort();
  }, [query]);

  const shown = useMemo(() => {
    if (!schools || !('list' in schools)) return [];
    if (!query.trim() || !matches) return schools.list;
    return schools.list.filter((s) => matches.has(s.id));
  }, [schools, query, matches]);
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
        <h2 className="fallback-title">{t.fallback.schoolList}</h2>
        <input
          type="search"
          className="search-input fallback-filter"
          aria-label={t.fallback.filter}
          placeholder={t.fallback.filter}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {schools === null && <p role="status">{t.fallback.loading}</p>}
        {schools && 'error' in schools && (
          <p role="alert" className="form-error">
            {t.status.layerFailed(t.layers.schools, describeError(schools.error))}
          </p>
        )}
        {schools && 'list' in schools && shown.length === 0 && (
          <p className="hint">{t.fallback.none}</p>
        )}
        <ul className="fallback-schools">
          {shown.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="link-button"
                aria-current={view.school === s.id}
                onClick={() => setView({ school: s.id })}
              >
                {s.properties.name}
              </button>
            </li>
          ))}
        </ul>
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
