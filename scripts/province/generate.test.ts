import { describe, expect, it } from 'vitest';
import { LAYERS, LAYER_NAMES, PROHIBITED_GROUPS, type Geometry, type Position } from '@atlas/model';
import { generateProvince, PROVINCE_BBOX } from './generate.ts';
import { FULL_COUNTS } from './extent.ts';
import { PROVINCE_DENSEST_TOWN, distanceM } from './towns.ts';

const SCALE = 0.002;
const province = generateProvince({ seed: 7, scale: SCALE });
/** A larger run for the statistics (stores only need to be many, not complete). */
const stats = generateProvince({ seed: 7, scale: 0.02 });

function positions(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  if (g.type === 'Polygon') return g.coordinates.flat();
  return g.coordinates.flat(2);
}

/** Every position of a feature: its geometry and any campus, threat zone, gate or stop. */
function allPositions(f: { geometry: Geometry; properties: object }): Position[] {
  const p = f.properties as Record<string, unknown>;
  const out = positions(f.geometry);
  for (const key of ['campus', 'threatZone'] as const) {
    if (p[key]) out.push(...positions(p[key] as Geometry));
  }
  for (const g of (p.gates ?? []) as { position: Position }[]) out.push(g.position);
  for (const s of (p.stops ?? []) as { position: Position }[]) out.push(s.position);
  return out;
}

describe('generateProvince', () => {
  it('gives identical data for the same seed and different data for another', () => {
    const again = generateProvince({ seed: 7, scale: SCALE });
    expect(JSON.stringify(again.layers)).toBe(JSON.stringify(province.layers));
    const other = generateProvince({ seed: 8, scale: SCALE });
    expect(JSON.stringify(other.layers.stores)).not.toBe(JSON.stringify(province.layers.stores));
  });

  it('scales every layer count but the admin areas, which tile the province at any scale', () => {
    for (const [layer, full] of Object.entries(FULL_COUNTS)) {
      const n = province.layers[layer as keyof typeof FULL_COUNTS].length;
      expect(n, layer).toBe(Math.max(1, Math.round(full * SCALE)));
      expect(province.counts[layer as keyof typeof FULL_COUNTS]).toBe(n);
    }
    const levels = province.layers.admin_areas.map((a) => a.properties.level);
    expect(levels.filter((l) => l === 'county')).toHaveLength(100);
    expect(levels.filter((l) => l === 'township')).toHaveLength(1200);
  });

  it('produces features that validate with the model schemas, with unique ids', () => {
    for (const layer of LAYER_NAMES) {
      const features = province.layers[layer];
      expect(features.length, layer).toBeGreaterThan(0);
      for (const f of features) {
        const r = LAYERS[layer].feature.safeParse(f);
        expect(r.success, `${layer} ${f.id}: ${r.error?.message}`).toBe(true);
      }
      expect(new Set(features.map((f) => f.id)).size, layer).toBe(features.length);
    }
  });

  it('keeps every position, secondary geometries included, inside the province bbox', () => {
    const [w, s, e, n] = PROVINCE_BBOX;
    for (const layer of LAYER_NAMES) {
      for (const f of province.layers[layer]) {
        for (const [lng, lat] of allPositions(f)) {
          expect(lng >= w && lng <= e && lat >= s && lat <= n, `${f.id} ${lng},${lat}`).toBe(true);
        }
      }
    }
  });

  it('puts about 15 % of the stores within the densest town radius, far more than any other town', () => {
    const { centre, radiusM } = PROVINCE_DENSEST_TOWN;
    const inside = stats.layers.stores.filter(
      (s) => distanceM(s.geometry.coordinates, centre) <= radiusM,
    ).length;
    const share = inside / stats.layers.stores.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.18);
    // A probe disk of the same radius on every school (a proxy for other towns) holds less.
    const probes = stats.layers.schools.filter(
      (s) => distanceM(s.geometry.coordinates, centre) > 2 * radiusM,
    );
    const bestElsewhere = Math.max(
      ...probes
        .slice(0, 200)
        .map(
          (p) =>
            stats.layers.stores.filter(
              (s) => distanceM(s.geometry.coordinates, p.geometry.coordinates) <= radiusM,
            ).length,
        ),
    );
    expect(inside).toBeGreaterThan(1.5 * bestElsewhere);
  });

  it('makes 8–10 % of stores prohibited, some shops both tobacco and liquor', () => {
    const prohibited = new Set<string>(
      Object.values(PROHIBITED_GROUPS).flatMap((g) => g.categories),
    );
    const stores = stats.layers.stores;
    const share =
      stores.filter((s) => s.properties.categories.some((c) => prohibited.has(c))).length /
      stores.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.1);
    const both = stores.filter(
      (s) =>
        s.properties.categories.includes('tobacco') && s.properties.categories.includes('liquor'),
    );
    expect(both.length).toBeGreaterThan(0);
  });

  it('gives most schools a campus outline, a few MultiPolygons, and about 5 % none', () => {
    const schools = stats.layers.schools;
    const none = schools.filter((s) => s.properties.campus === null).length / schools.length;
    expect(none).toBeGreaterThan(0.03);
    expect(none).toBeLessThan(0.07);
    expect(schools.some((s) => s.properties.campus?.type === 'MultiPolygon')).toBe(true);
    expect(schools.some((s) => s.properties.campus === null && s.properties.gates.length > 0)).toBe(
      true,
    );
  });

  it('draws bus routes of 20–200 vertices serving generated schools', () => {
    const codes = new Set(stats.layers.schools.map((s) => s.properties.code));
    for (const r of stats.layers.routes) {
      expect(r.geometry.coordinates.length).toBeGreaterThanOrEqual(20);
      expect(r.geometry.coordinates.length).toBeLessThanOrEqual(200);
      for (const code of r.properties.schoolCodes) expect(codes.has(code)).toBe(true);
    }
  });

  it('refuses a scale outside (0, 1] and a non-integer seed', () => {
    expect(() => generateProvince({ seed: 1, scale: 0 })).toThrow(/scale/);
    expect(() => generateProvince({ seed: 1, scale: 2 })).toThrow(/scale/);
    expect(() => generateProvince({ seed: 1.5, scale: SCALE })).toThrow(/seed/);
  });
});
