import { useEffect, useState } from 'react';
import type { LayerFeature, LayerName } from '@atlas/model';
import type { ApiClient } from '../../api/index.ts';

// One feature from GET /api/layers/:layer/:id: the API's full record, not the flattened copy
// the map holds for styling.

export type FeatureLoad =
  | { status: 'loading' }
  | { status: 'loaded'; feature: LayerFeature<LayerName> }
  | { status: 'failed'; error: unknown };

export function useFeature(api: ApiClient, layer: LayerName, id: string): FeatureLoad {
  const key = `${layer}/${id}`;
  const [result, setResult] = useState<{ key: string; load: FeatureLoad } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.feature(layer, id, abort.signal).then(
      (feature) => setResult({ key, load: { status: 'loaded', feature } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setResult({ key, load: { status: 'failed', error } });
      },
    );
    return () => abort.abort();
  }, [api, layer, id, key]);

  return result && result.key === key ? result.load : { status: 'loading' };
}
