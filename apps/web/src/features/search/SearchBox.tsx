import { useEffect, useId, useState } from 'react';
import type { SearchResult } from '@atlas/search';
import type { ApiClient } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';

// The search box: a combobox over GET /api/search. Typing asks the server (after a short
// pause); arrows move through the results, Enter or a click jumps to one, Escape closes.

const DEBOUNCE_MS = 150;
const RESULT_LIMIT = 10;

type State =
  | { phase: 'idle' }
  | { phase: 'searching'; q: string }
  | { phase: 'done'; q: string; results: SearchResult[] }
  | { phase: 'failed'; q: string; error: unknown };

type Props = { api: ApiClient; onPick: (result: SearchResult) => void };

export function SearchBox({ api, onPick }: Props) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (q === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ phase: 'searching', q });
      api.search(q, RESULT_LIMIT, abort.signal).then(
        (r) => {
          setState({ phase: 'done', q, results: r.results });
          setActive(0);
        },
        (error: unknown) => {
          if (!abort.signal.aborted) setState({ phase: 'failed', q, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, text]);

  const results = state.phase === 'done' && text.trim() !== '' ? state.results : [];
  const pick = (r: SearchResult | undefined) => {
    if (!r) return;
    onPick(r);
    setOpen(false);
    setText(r.name);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(results[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };
  const showList = open && text.trim() !== '' && state.phase !== 'idle';

  return (
    <div className="search" role="search">
      <input
        type="search"
        className="search-input"
        role="combobox"
        aria-label={t.search.label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        placeholder={t.search.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), DEBOUNCE_MS)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div className="search-popover">
          {state.phase === 'searching' && <p className="search-status">{t.search.searching}</p>}
          {state.phase === 'failed' && (
            <p className="search-status search-error" role="alert">
              {t.search.failed(describeError(state.error))}
            </p>
          )}
          {state.phase === 'done' && results.length === 0 && (
            <p className="search-status">{t.search.empty(state.q)}</p>
          )}
          <ul id={listId} role="listbox" aria-label={t.search.label} className="search-results">
            {results.map((r, i) => (
              <li
                key={`${r.kind}/${r.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search-result"
                data-kind={r.kind}
                data-id={r.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(r)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="search-kind">{t.search.kinds[r.kind]}</span>
                <span className="search-name">{r.name}</span>
                <span className="search-detail">
                  {r.address || r.adminPath}
                  {r.matched !== 'name' && ` · ${t.search.matched[r.matched]}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
