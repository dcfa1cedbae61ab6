import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_NAMES } from '@atlas/model';
import { fixture, tempStore } from './testing.ts';

// Malformed input of every kind must come back as problems, never as a thrown error.

let t: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  t = await tempStore();
});
afterAll(() => t.close());

const RUNS = 40;
const EXTENSIONS = [
  '.csv',
  '.xlsx',
  '.geojson',
  '.geojsonl',
  '.zip',
  '.kml',
  '.kmz',
  '.gpx',
  '.bin',
];

async function survives(
  name: string,
  bytes: Uint8Array | string,
  layer = 'stores' as (typeof LAYER_NAMES)[number],
) {
  const report = await t.run(t.file(name, bytes), { layer }, 'preview');
  expect(report.counts.rows).toBeGreaterThanOrEqual(0);
  return report;
}

/** Flip, cut or splice bytes of a real fixture: near-valid input reaches deeper code. */
const mutated = (bytes: Uint8Array) =>
  fc
    .record({ at: fc.nat(), cut: fc.nat(), junk: fc.uint8Array({ maxLength: 16 }) })
    .map(({ at, cut, junk }) => {
      const i = bytes.length ? at % bytes.length : 0;
      const head = bytes.subarray(0, i);
      const tail = bytes.subarray(Math.min(bytes.length, i + (cut % 32)));
      return Buffer.concat([head, junk, tail]);
    });

describe('no input throws', () => {
  it('random bytes under every file extension', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(...EXTENSIONS),
        fc.constantFrom(...LAYER_NAMES),
        async (bytes, ext, layer) => {
          await survives(`random${ext}`, bytes, layer);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['stores-wgs84.csv', 'stores'],
    ['schools-register.xlsx', 'schools'],
    ['hazards-gk38-gbk.zip', 'hazards'],
    ['water.kml', 'water'],
    ['water.kmz', 'water'],
    ['route.gpx', 'routes'],
  ] as const)('mutations of %s', async (name, layer) => {
    const bytes = readFileSync(fixture(name));
    await fc.assert(
      fc.asyncProperty(mutated(bytes), async (b) => {
        await survives(name, b, layer);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV text with random cells, quotes and line breaks', async () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', '"', '""', '\n', '114.3', '30.3', 'NaN', '1e400', '网吧', '是'),
    );
    const table = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const text = ['名称,类型,经度,纬度', ...rows.map((r) => r.join(','))].join('\n');
        await survives('table.csv', text);
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON values that are not quite GeoJSON', async () => {
    const geometry = fc.record({
      type: fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon', 'Nope'),
      coordinates: fc.jsonValue(),
    });
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'feature'),
      geometry: fc.oneof(geometry, fc.constant(null)),
      properties: fc.jsonValue(),
    });
    const doc = fc.oneof(
      fc.jsonValue(),
      fc.record({
        type: fc.constant('FeatureCollection'),
        features: fc.array(fc.oneof(feature, fc.jsonValue()), { maxLength: 10 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(doc, fc.constantFrom(...LAYER_NAMES), async (value, layer) => {
        await survives('doc.geojson', JSON.stringify(value) ?? 'null', layer);
      }),
      { numRuns: RUNS },
    );
  });
});
