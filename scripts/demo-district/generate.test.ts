import { LAYER_NAMES, LAYERS } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { buildAdmin } from './admin.ts';
import { DEFAULT_SEED, generateDistrict } from './generate.ts';
import { forkRng } from '../lib/rng.ts';
import { serializeDistrict } from './write.ts';

const district = generateDistrict(DEFAULT_SEED);
const { layers, manifest } = district;
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

describe('demo district generator', () => {
  it('produces features that all validate against the model', () => {
    for (const layer of LAYER_NAMES) {
      for (const f of layers[layer]) {
        const r = LAYERS[layer].feature.safeParse(f);
        expect(r.success ? null : `${layer} ${f.id}: ${r.error.message}`).toBeNull();
      }
    }
  });

  it('gives byte-identical files for the same seed and different ones for another', () => {
    const again = serializeDistrict(generateDistrict(DEFAULT_SEED));
    const first = serializeDistrict(district);
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [name, text] of first) expect(again.get(name) === text, name).toBe(true);
    // Another seed draws another county (checked on the first stage alone, to stay fast).
    const outline = (seed: number) =>
      JSON.stringify(buildAdmin(forkRng(seed, 'admin'), seed).countyRing);
    expect(outline(42)).not.toBe(outline(DEFAULT_SEED));
  });

  it('has counts in the expected ranges and a manifest that matches them', () => {
    const ranges: Record<string, [number, number]> = {
      admin_areas: [60, 80],
      roads: [100, 400],
      water: [50, 100],
      hazards: [35, 45],
      schools: [75, 85],
      stores: [1_900, 2_100],
      routes: [35, 45],
      pipelines: [2, 2],
    };
    for (const layer of LAYER_NAMES) {
      const n = layers[layer].length;
      expect(manifest.counts[layer]).toBe(n);
      expect(n, layer).toBeGreaterThanOrEqual(ranges[layer]![0]);
      expect(n, layer).toBeLessThanOrEqual(ranges[layer]![1]);
    }
    const prohibited = layers.stores.filter((s) =>
      s.properties.categories.some((c) => c !== 'other'),
    );
    expect(prohibited.length).toBeGreaterThan(200);
    expect(prohibited.length).toBeLessThan(500);
  });

  it('covers every school type, hazard type and water kind of the demo', () => {
    expect(new Set(layers.schools.map((s) => s.properties.type)).size).toBe(11);
    expect(new Set(layers.hazards.map((h) => h.properties.type)).size).toBe(7);
    expect(new Set(layers.water.map((w) => w.properties.kind))).toEqual(
      new Set(['river', 'reservoir', 'mountain_pond', 'pond', 'ditch', 'pit', 'dam']),
    );
    const campuses = layers.schools.map((s) => s.properties.campus);
    expect(campuses.filter((c) => c?.type === 'MultiPolygon')).toHaveLength(1);
    expect(campuses.filter((c) => c?.type === 'Polygon' && c.coordinates.length > 1)).toHaveLength(
      1,
    );
  });

  it('labels every feature as fictional and uses unique ids per layer', () => {
    for (const layer of LAYER_NAMES) {
      const ids = layers[layer].map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of layers[layer])
        expect(f.properties.provenance.source).toMatch(
          /^虚构演示数据 · .* · 演示生成器 seed 20241001$/,
        );
    }
    expect(layers.admin_areas[0]!.properties.name).toContain('（虚构）');
  });

  it('rounds coordinates to 7 decimals except the planted stores', () => {
    const planted = new Set(manifest.planted.map((p) => p.storeId));
    for (const s of layers.stores.filter((s) => !planted.has(s.id))) {
      for (const c of s.geometry.coordinates) expect(decimals(c)).toBeLessThanOrEqual(7);
    }
    const precise = layers.stores
      .filter((s) => planted.has(s.id))
      .flatMap((s) => s.geometry.coordinates);
    expect(precise.some((c) => decimals(c) > 7)).toBe(true);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', () => {
    expect(() => generateDistrict(-1)).toThrow(/32-bit unsigned integer/);
    expect(() => generateDistrict(1.5)).toThrow(/32-bit unsigned integer/);
  });
});
