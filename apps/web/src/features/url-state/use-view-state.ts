import { useCallback, useEffect, useState } from 'react';
import { formatViewState, parseViewState } from './url-state.ts';
import type { ViewState } from './url-state.ts';

// The view state, read from the URL once and written back (replaceState, so Back leaves the
// atlas rather than stepping through every pan) whenever it changes.

export function useViewState() {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  useEffect(() => {
    const search = formatViewState(view);
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    }
  }, [view]);
  const update = useCallback(
    (patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })),
    [],
  );
  return [view, update] as const;
}
