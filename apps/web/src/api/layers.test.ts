import { describe, expect, it } from 'vitest';
import { ApiError } from './http.ts';
import { createApiClient } from './layers.ts';
import type { Fetch } from './http.ts';

// A fake fetch that answers from a table of URL → [status, body] and records what was asked.
function fakeFetch(routes: Record<string, [number, unknown]>) {
  const asked: string[] = [];
  const fetchFn: Fetch = async (url) => {
    asked.push(url);
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    const [status, body] = route;
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetchFn, asked };
}

const feature = (id: string) => ({ type: 'Feature', id, geometry: null, properties: {} });
const page = (ids: string[], nextCursor: string | null) => ({
  type: 'FeatureCollection',
  features: ids.map(feature),
  nextCursor,
});

describe('createApiClient().allFeatures', () => {
  it('follows nextCursor page by page until it is null and returns every feature in order', async () => {
    const { fetchFn, asked } = fakeFetch({
      '/api/layers/stores?limit=2': [200, page(['a', 'b'], 'c1')],
      '/api/layers/stores?limit=2&cursor=c1': [200, page(['c', 'd'], 'c2')],
      '/api/layers/stores?limit=2&cursor=c2': [200, page(['e'], null)],
    });
    const progress: number[] = [];
    const features = await createApiClient(fetchFn).allFeatures('stores', {
      pageSizeFeatures: 2,
      onProgress: (n) => progress.push(n),
    });
    expect(features.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(asked).toHaveLength(3);
    expect(progress).toEqual([2, 4, 5]);
  });

  it('sends the bbox as w,s,e,n', async () => {
    const { fetchFn, asked } = fakeFetch({
      '/api/layers/schools?limit=5000&bbox=113.2%2C23%2C113.4%2C23.2': [200, page([], null)],
    });
    await createApiClient(fetchFn).allFeatures('schools', { bbox: [113.2, 23, 113.4, 23.2] });
    expect(asked).toEqual(['/api/layers/schools?limit=5000&bbox=113.2%2C23%2C113.4%2C23.2']);
  });

  it('stops with an error when the API hands back a cursor it already gave', async () => {
    const { fetchFn } = fakeFetch({
      '/api/layers/roads?limit=1': [200, page(['a'], 'x')],
      '/api/layers/roads?limit=1&cursor=x': [200, page(['b'], 'x')],
    });
    await expect(
      createApiClient(fetchFn).allFeatures('roads', { pageSizeFeatures: 1 }),
    ).rejects.toThrow(/cursor x twice/);
  });
});

describe('createApiClient errors', () => {
  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no store s9' };
    const { fetchFn } = fakeFetch({ '/api/layers/stores/s9': [404, problem] });
    const error = await createApiClient(fetchFn)
      .feature('stores', 's9')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 404, problem });
  });

  it('reports an unreachable server as a network error', async () => {
    const { fetchFn } = fakeFetch({});
    await expect(createApiClient(fetchFn).layerList()).rejects.toMatchObject({
      kind: 'network',
      status: null,
    });
  });
});
