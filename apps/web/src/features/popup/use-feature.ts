import { useEffect, useState } from 'react';
import type { LayerFeature, LayerName } from '@atlas/model';
import type { ApiClient } from '../../api/index.ts';
import { findByTileId } from './find-by-tile-id.ts';
import { refKey, type FeatureRef } from './use-map-selection.ts';

// One feature from GET /api/layers/:layer/:id (or, for a feature the tiles draw without its
// id, found by its tile feature id where it was drawn): the API's full record, not the
// flattened copy the map holds for styling.

export type FeatureLoad =
  | { status: 'loading' }
  | { status: 'loaded'; feature: LayerFeature<LayerName> }
  | { status: 'failed'; error: unknown };

export function useFeature(api: ApiClient, layer: LayerName, ref: FeatureRef): FeatureLoad {
  const key = `${layer}/${refKey(ref)}`;
  const [result, setResult] = useState<{ key: string; load: FeatureLoad } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const load =
      'id' in ref
        ? api.feature(layer, ref.id, abort.signal)
        : findByTileId(api, layer, ref.fid, ref.at, abort.signal);
    load.then(
      (feature) => setResult({ key, load: { status: 'loaded', feature } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setResult({ key, load: { status: 'failed', error } });
      },
    );
    return () => abort.abort();
  }, [api, layer, ref, key]);

  return result && result.key === key ? result.load : { status: 'loading' };
}
