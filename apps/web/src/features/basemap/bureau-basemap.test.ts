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
      schema: null,
    });
    expect(asked).toEqual([`${ORIGIN}/basemap.json`]);
  });

  it('reads a vector basemap with its source layers and the schema they follow', async () => {
    const layers = ['transportation', 'place', 'water'].map((id) => ({ id, fields: {} }));
    const basemap = await fetchBureauBasemap(
      ORIGIN,
      answer(200, { kind: 'vector', name: '区矢量', vector_layers: layers }),
    );
    expect(basemap).toMatchObject({
      kind: 'vector',
      vectorLayers: ['transportation', 'place', 'water'],
      schema: 'openmaptiles',
    });
  });

  it('is null when the server has no basemap or answers something else', async () => {
    expect(await fetchBureauBasemap(ORIGIN, answer(404, { status: 404 }))).toBeNull();
    expect(await fetchBureauBasemap(ORIGIN, answer(200, { tiles: [] }))).toBeNull();
  });
});

describe('bureauLayers', () => {
  const base = { name: '', url: `${ORIGIN}/basemap.json` };

  it('draws a raster file as one raster layer', () => {
    const raster = bureauLayers(
      { ...base, kind: 'raster', vectorLayers: [], schema: null },
      'dark',
    );
    expect(raster).toEqual([{ id: 'basemap-bureau', type: 'raster', source: 'bureau-basemap' }]);
  });

  it('draws a vector file with the style of its schema, plain layers when it has none', () => {
    const omt = bureauLayers(
      {
        ...base,
        kind: 'vector',
        vectorLayers: ['transportation', 'place'],
        schema: 'openmaptiles',
      },
      'light',
    );
    expect(omt.map((l) => l.id)).toContain('basemap-bureau-omt-road-line');
    const plain = bureauLayers(
      { ...base, kind: 'vector', vectorLayers: ['roads', 'water'], schema: 'generic' },
      'light',
    );
    expect(plain.map((l) => l.type)).toEqual(['fill', 'line', 'circle', 'fill', 'line', 'circle']);
    expect(new Set(plain.map((l) => ('source-layer' in l ? l['source-layer'] : null)))).toEqual(
      new Set(['roads', 'water']),
    );
  });
});
