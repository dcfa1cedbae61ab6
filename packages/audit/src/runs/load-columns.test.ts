import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LayerFeature } from '@atlas/model';
import { runAudit } from '../audit.ts';
import { shippedProfile } from '../test-fixtures.ts';
import { canLoadColumns, loadAuditColumns, ruleCategories } from './load-columns.ts';
import type { StoreColumnsSource } from './load-columns.ts';
import { loadAuditInput } from './load-input.ts';

// The columnar loader against the feature loader on the demo district: the same audit. The
// source below answers auditStoreColumns the way @atlas/store does in SQL (its own test checks
// that against a real DuckDB file): only stores holding a wanted category, bits in the order
// asked, subtype codes from 1.

const DEMO = fileURLToPath(new URL('../../../../data/demo', import.meta.url));
type Layer = 'schools' | 'stores' | 'hazards' | 'water' | 'pipelines' | 'roads';
const layers = Object.fromEntries(
  (['schools', 'stores', 'hazards', 'water', 'pipelines', 'roads'] as const).map((l) => [
    l,
    (JSON.parse(readFileSync(`${DEMO}/${l}.geojson`, 'utf8')) as { features: unknown[] }).features,
  ]),
) as { [L in Layer]: LayerFeature<L>[] };

const source: StoreColumnsSource = {
  async *scan<L extends Layer>(layer: L) {
    yield layers[layer] as LayerFeature<L>[];
  },
  async auditStoreColumns({ categories, holdingOneOf = categories, subtypes }) {
    const rows = layers.stores.filter((s) =>
      s.properties.categories.some((c) => holdingOneOf.includes(c)),
    );
    return {
      count: rows.length,
      ids: rows.map((s) => s.id),
      lng: Float64Array.from(rows, (s) => s.geometry.coordinates[0]),
      lat: Float64Array.from(rows, (s) => s.geometry.coordinates[1]),
      categoryMask: Uint32Array.from(rows, (s) =>
        categories.reduce(
          (m, c, i) => (s.properties.categories.includes(c as 'adult') ? m | (2 ** i) : m),
          0,
        ),
      ),
      uncertaintyM: Float64Array.from(rows, (s) => s.properties.uncertaintyM),
      subtype: Uint8Array.from(
        rows,
        (s) => subtypes.indexOf(s.properties.entertainmentSubtype ?? '') + 1,
      ),
    };
  },
};

describe('loadAuditColumns', () => {
  const hubei = shippedProfile('hubei');

  it('reads only the stores in a category some rule names', async () => {
    expect(canLoadColumns(source)).toBe(true);
    expect(ruleCategories(hubei)).not.toContain('other');
    const input = await loadAuditColumns(source, hubei);
    const wanted = layers.stores.filter((s) =>
      s.properties.categories.some((c) => ruleCategories(hubei).includes(c)),
    );
    expect(input.stores.count).toBe(wanted.length);
    expect(input.stores.count).toBeLessThan(layers.stores.length);
  });

  it('gives the same audit as the feature loader, finding for finding', async () => {
    const columns = runAudit(await loadAuditColumns(source, hubei), hubei);
    const features = runAudit(await loadAuditInput(source), hubei);
    expect(columns.findings.length).toBeGreaterThan(100);
    expect(columns).toEqual(features);
  });
});
