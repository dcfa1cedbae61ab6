import { useEffect, useState } from 'react';
import type { ApiClient, LayerList } from '../../api/index.ts';

// Loads the layer list: every layer's count and bounds (where the camera goes first) and
// whether the data is a demo. The features themselves come to the map as vector tiles.

export type AtlasData =
  | { phase: 'list-loading' }
  | { phase: 'list-failed'; error: unknown }
  | { phase: 'ready'; list: LayerList };

export function useAtlasData(api: ApiClient): { data: AtlasData; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [data, setData] = useState<{ attempt: number; data: AtlasData }>({
    attempt: 0,
    data: { phase: 'list-loading' },
  });

  useEffect(() => {
    const abort = new AbortController();
    api.layerList(abort.signal).then(
      (list) => setData({ attempt, data: { phase: 'ready', list } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setData({ attempt, data: { phase: 'list-failed', error } });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  return {
    data: data.attempt === attempt ? data.data : { phase: 'list-loading' },
    retry: () => setAttempt((a) => a + 1),
  };
}
