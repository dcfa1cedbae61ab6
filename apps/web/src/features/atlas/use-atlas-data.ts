import { useEffect, useState } from 'react';
import type { LayerFeature, LayerName } from '@atlas/model';
import type { ApiClient, LayerList } from '../../api/index.ts';

// Loads the layer list, then every layer's features (all pages), each layer on its own so
// that one slow or broken layer does not hold back the others.

export type LayerLoad =
  | { status: 'loading'; received: number }
  | { status: 'loaded'; features: LayerFeature<LayerName>[] }
  | { status: 'failed'; error: unknown };

export type AtlasData =
  | { phase: 'list-loading' }
  | { phase: 'list-failed'; error: unknown }
  | { phase: 'layers'; list: LayerList; loads: Partial<Record<LayerName, LayerLoad>> };

export function useAtlasData(api: ApiClient): { data: AtlasData; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [data, setData] = useState<{ attempt: number; data: AtlasData }>({
    attempt: 0,
    data: { phase: 'list-loading' },
  });

  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    const update = (fn: (d: AtlasData) => AtlasData) =>
      setData((prev) => ({
        attempt,
        data: fn(prev.attempt === attempt ? prev.data : { phase: 'list-loading' }),
      }));
    const setLoad = (layer: LayerName, load: LayerLoad) =>
      update((d) => (d.phase === 'layers' ? { ...d, loads: { ...d.loads, [layer]: load } } : d));

    api.layerList(signal).then(
      (list) => {
        const loads: Partial<Record<LayerName, LayerLoad>> = {};
        for (const info of list.layers) {
          loads[info.name] =
            info.count === 0
              ? { status: 'loaded', features: [] }
              : { status: 'loading', received: 0 };
        }
        update(() => ({ phase: 'layers', list, loads }));
        for (const info of list.layers) {
          if (info.count === 0) continue;
          api
            .allFeatures(info.name, {
              signal,
              onProgress: (received) => setLoad(info.name, { status: 'loading', received }),
            })
            .then(
              (features: LayerFeature<LayerName>[]) =>
                setLoad(info.name, { status: 'loaded', features }),
              (error: unknown) => {
                if (!signal.aborted) setLoad(info.name, { status: 'failed', error });
              },
            );
        }
      },
      (error: unknown) => {
        if (!signal.aborted) update(() => ({ phase: 'list-failed', error }));
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  return {
    data: data.attempt === attempt ? data.data : { phase: 'list-loading' },
    retry: () => setAttempt((a) => a + 1),
  };
}

/** Whether every layer has finished, and whether all of them succeeded. */
export function settled(data: AtlasData): { done: boolean; ok: boolean } {
  if (data.phase === 'list-loading') return { done: false, ok: false };
  if (data.phase === 'list-failed') return { done: true, ok: false };
  const loads = Object.values(data.loads);
  return {
    done: loads.every((l) => l.status !== 'loading'),
    ok: loads.every((l) => l.status === 'loaded'),
  };
}
