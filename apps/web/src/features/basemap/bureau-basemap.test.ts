import { describe, expect, it } from 'vitest';
import { bureauLayers, fetchBureauBasemap } from './bureau-basemap.ts';

const ORIGIN = 'http://127.0.0.1:8080';
const answer =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status });

describe('fetchBureauBasemap', () => {
  it('reads a raster basemap from /basemap.json on the page origin', async () => {
    const asked: string[] = [];
    const fetchFn: typeof fetch = async (url) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ kind: 'raster', name: '区影像' }));
    };
    expect(await fetchBureauBasemap(ORIGIN, fetchFn)).toEqual({
      kind: 'raster',
      name: '区影像',
      url: `${ORIGIN}/basemap.json`,
      vectorLayers: [],
    });
    expect(asked).toEqual([`${ORIGIN}/basemap.json`]);
  });

  it('is null when the server has no basemap or answers something else', async () => {
    expect(await fetchBureauBasemap(ORIGIN, answer(404, { status: 404 }))).toBeNull();
    expect(await fetchBureauBasemap(ORIGIN, answer(200, { tiles: [] }))).toBeNull();
  });
});

describe('bureauLayers', () => {
  it('draws a raster file as one raster layer and a vector file with plain layers per source layer', () => {
    const base = { name: '', url: `${ORIGIN}/basemap.json` };
    expect(bureauLayers({ ...base, kind: 'raster', vectorLayers: [] }).map((l) => l.type)).toEqual([
      'raster',
    ]);
    const vector = bureauLayers({ ...base, kind: 'vector', vectorLayers: ['roads', 'water'] });
    expect(vector.map((l) => l.type)).toEqual(['fill', 'line', 'circle', 'fill', 'line', 'circle']);
    expect(new Set(vector.map((l) => ('source-layer' in l ? l['source-layer'] : null)))).toEqual(
      new Set(['roads', 'water']),
    );
  });
});
