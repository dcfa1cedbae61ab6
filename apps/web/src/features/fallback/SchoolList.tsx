import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';
import type { SchoolRow } from './school-rows.ts';
import type { Browse, Search } from './use-school-list.ts';

// The fallback's school list: a search field over the server's search, and below it either
// the hits or the schools page by page with a "加载更多" button. Loading, empty and failed
// states are said in words.

type Props = {
  query: string;
  onQuery: (text: string) => void;
  browse: Browse;
  search: Search | null;
  onLoadMore: () => void;
  /** Schools in the layer, when known, to say how many are still to come. */
  total: number | null;
  selected: string | null;
  onPick: (id: string) => void;
};

function Rows({
  rows,
  selected,
  onPick,
}: Pick<Props, 'selected' | 'onPick'> & { rows: SchoolRow[] }) {
  return (
    <ul className="fallback-schools">
      {rows.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            className="link-button"
            aria-current={selected === s.id}
            title={s.detail}
            onClick={() => onPick(s.id)}
          >
            {s.name}
          </button>
          {s.detail && <div className="search-detail">{s.detail}</div>}
        </li>
      ))}
    </ul>
  );
}

function SearchHits({ search, ...rest }: Props & { search: Search }) {
  if (search.phase === 'searching')
    return (
      <p role="status" className="search-status">
        {t.search.searching}
      </p>
    );
  if (search.phase === 'failed') {
    return (
      <p role="alert" className="search-status search-error">
        {t.search.failed(describeError(search.error))}
      </p>
    );
  }
  if (search.rows.length === 0) return <p className="search-status">{t.fallback.none}</p>;
  return (
    <>
      <Rows rows={search.rows} {...rest} />
      {search.truncated && (
        <p className="search-status">{t.fallback.truncated(search.rows.length)}</p>
      )}
    </>
  );
}

function Pages({ browse, onLoadMore, total, ...rest }: Props) {
  const { rows, loaded, loading, error, nextCursor } = browse;
  if (!loaded && loading)
    return (
      <p role="status" className="search-status">
        {t.fallback.loading}
      </p>
    );
  if (loaded && rows.length === 0) return <p className="search-status">{t.fallback.empty}</p>;
  const more = !loaded || nextCursor !== null;
  return (
    <>
      <Rows rows={rows} {...rest} />
      {loaded && (
        <p role="status" className="search-status">
          {more ? t.fallback.shown(rows.length, total) : t.fallback.allShown(rows.length)}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="search-status search-error">
          {t.status.layerFailed(t.layers.schools, describeError(error))}
        </p>
      )}
      {more && (
        <p className="search-status">
          <button type="button" className="tool-button" disabled={loading} onClick={onLoadMore}>
            {loading
              ? t.fallback.loadingMore
              : error !== null
                ? t.status.retry
                : t.fallback.loadMore}
          </button>
        </p>
      )}
    </>
  );
}

export function SchoolList(props: Props) {
  return (
    <>
      <h2 className="fallback-title">{t.fallback.schoolList}</h2>
      <input
        type="search"
        className="search-input fallback-filter"
        aria-label={t.fallback.filter}
        placeholder={t.fallback.filter}
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
      />
      {props.search ? <SearchHits {...props} search={props.search} /> : <Pages {...props} />}
    </>
  );
}
