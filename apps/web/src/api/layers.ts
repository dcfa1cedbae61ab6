import type { Bbox, LayerFeature, LayerName, Point } from '@atlas/model';
import { auditClient } from './audit.ts';
import { getJson } from './http.ts';
import type { Fetch } from './http.ts';
import { searchClient } from './search.ts';

// The layer endpoints of the API, typed with the model's feature types.

/** Features asked for per request; the API allows 1..10000. */
export const PAGE_SIZE_FEATURES = 5000;

export type LayerInfo = { name: LayerName; label: string; count: number; bounds: Bbox | null };
export type LayerList = { layers: LayerInfo[]; demo: boolean };
export type FeaturePage<L extends LayerName> = {
  type: 'FeatureCollection';
  features: LayerFeature<L>[];
  nextCursor: string | null;
};

/** A property name of a layer's features. */
export type LayerField<L extends LayerName> = keyof LayerFeature<L>['properties'] & string;
/** The orders GET /api/layers/:layer pages in: id, or name in pinyin order (ties by id). */
export type LayerSort = 'id' | 'name';
/** A feature reduced by `fields`: those properties, and one point (the API's FieldFeature). */
export type FieldFeature<L extends LayerName, F extends LayerField<L>> = {
  type: 'Feature';
  id: string;
  geometry: Point;
  properties: Pick<LayerFeature<L>['properties'], F>;
};
export type FieldPage<L extends LayerName, F extends LayerField<L>> = {
  type: 'FeatureCollection';
  features: FieldFeature<L, F>[];
  nextCursor: string | null;
};

export type FetchFeaturesOptions = {
  bbox?: Bbox;
  pageSizeFeatures?: number;
  signal?: AbortSignal;
  /** Called after each page with the number of features received so far. */
  onProgress?: (received: number) => void;
};

export type FeaturePageRequest = {
  /** Features on the page (the API allows 1..10000). */
  limit: number;
  /** Where the page starts: the previous page's nextCursor; null or absent for the first. */
  cursor?: string | null;
  bbox?: Bbox;
  /** id (the default) or name; a cursor only continues the sort it came from. */
  sort?: LayerSort;
  signal?: AbortSignal;
};

export type FieldPageRequest<L extends LayerName, F extends LayerField<L>> = FeaturePageRequest & {
  /** The properties wanted; the rest, and all geometry but one point, stay on the server. */
  fields: readonly F[];
};

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(fetchFn: Fetch = (input, init) => fetch(input, init), base = '') {
  const layerUrl = (layer: LayerName) => `${base}/api/layers/${encodeURIComponent(layer)}`;

  function pageUrl(layer: LayerName, request: FeaturePageRequest, fields?: readonly string[]) {
    const query = new URLSearchParams({ limit: String(request.limit) });
    if (request.bbox) query.set('bbox', request.bbox.join(','));
    if (request.sort) query.set('sort', request.sort);
    if (fields) query.set('fields', fields.join(','));
    if (request.cursor != null) query.set('cursor', request.cursor);
    return `${layerUrl(layer)}?${query}`;
  }

  /** GET /api/layers/:layer: one page of at most `limit` features, from `cursor`. */
  function featurePage<L extends LayerName>(layer: L, request: FeaturePageRequest) {
    return getJson<FeaturePage<L>>(fetchFn, pageUrl(layer, request), request.signal);
  }

  /** GET /api/layers/:layer?fields=…: a page of features reduced to `fields` and a point. */
  function fieldPage<L extends LayerName, F extends LayerField<L>>(
    layer: L,
    request: FieldPageRequest<L, F>,
  ) {
    if (request.fields.length === 0) throw new Error(`fieldPage(${layer}): expected some fields`);
    const url = pageUrl(layer, request, request.fields);
    return getJson<FieldPage<L, F>>(fetchFn, url, request.signal);
  }

  return {
    ...searchClient(fetchFn, base),
    audit: auditClient(fetchFn, base),

    /** GET /api/layers: every layer with its count and bounds, and whether the data is a demo. */
    layerList(signal?: AbortSignal): Promise<LayerList> {
      return getJson<LayerList>(fetchFn, `${base}/api/layers`, signal);
    },

    featurePage,
    fieldPage,

    /** GET /api/layers/:layer, following nextCursor until the last page. */
    async allFeatures<L extends LayerName>(
      layer: L,
      options: FetchFeaturesOptions = {},
    ): Promise<LayerFeature<L>[]> {
      const limit = options.pageSizeFeatures ?? PAGE_SIZE_FEATURES;
      const features: LayerFeature<L>[] = [];
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: FeaturePage<L> = await featurePage(layer, {
          limit,
          cursor,
          bbox: options.bbox,
          signal: options.signal,
        });
        features.push(...page.features);
        options.onProgress?.(features.length);
        cursor = page.nextCursor;
        if (cursor !== null && seen.has(cursor)) {
          throw new Error(
            `API returned cursor ${cursor} twice for layer ${layer}; expected progress`,
          );
        }
        if (cursor !== null) seen.add(cursor);
      } while (cursor !== null);
      return features;
    },

    /** GET /api/layers/:layer/:id: one feature with all its attributes. */
    feature<L extends LayerName>(layer: L, id: string, signal?: AbortSignal) {
      return getJson<LayerFeature<L>>(
        fetchFn,
        `${layerUrl(layer)}/${encodeURIComponent(id)}`,
        signal,
      );
    },
  };
}
