import type { DemoFeature } from './features.ts';
import { geodesicDistanceM } from '@atlas/geo';
import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generate.ts';
import { outlineDistanceM } from './outline-distance.ts';

const { layers, manifest } = generateDistrict();
const schools = new Map(layers.schools.map((s) => [s.id, s]));
const stores = new Map(layers.stores.map((s) => [s.id, s]));
const TOLERANCE_M = 0.01;

function distanceToSchool(p: [number, number], s: DemoFeature<'schools'>): number {
  return s.properties.campus
    ? outlineDistanceM(p, s.properties.campus)
    : geodesicDistanceM(p, s.geometry.coordinates);
}

describe('planted cases', () => {
  it('lists inside, at and outside both limits, far-inside, inside-campus and gate cases', () => {
    const distances = manifest.planted.map((p) => p.distanceM);
    for (const d of [0, 10, 49, 50, 51, 120, 199, 200, 201, 49.5, 50.5])
      expect(distances).toContain(d);
    expect(manifest.planted.filter((p) => p.origin === 'gate').every((p) => p.gateId)).toBe(true);
  });

  it('puts every planted store at its stated distance (re-measured independently, ≤ 0.01 m off)', () => {
    for (const p of manifest.planted) {
      const store = stores.get(p.storeId)!;
      const school = schools.get(p.schoolId)!;
      expect(store.properties.categories).toEqual(p.categories);
      const measured =
        p.origin === 'gate'
          ? geodesicDistanceM(
              store.geometry.coordinates,
              school.properties.gates.find((g) => g.id === p.gateId)!.position,
            )
          : outlineDistanceM(store.geometry.coordinates, school.properties.campus!);
      expect(Math.abs(measured - p.distanceM), `${p.storeId} ${p.note}`).toBeLessThanOrEqual(
        TOLERANCE_M,
      );
      expect(
        Math.abs(
          outlineDistanceM(store.geometry.coordinates, school.properties.campus!) -
            p.campusDistanceM,
        ),
      ).toBeLessThanOrEqual(TOLERANCE_M);
    }
  });

  it('keeps every planted store more than 300 m from every other campus', () => {
    for (const p of manifest.planted) {
      const at = stores.get(p.storeId)!.geometry.coordinates;
      for (const s of layers.schools) {
        if (s.id === p.schoolId || geodesicDistanceM(at, s.geometry.coordinates) > 1_500) continue;
        expect(distanceToSchool(at, s), `${p.storeId} to ${s.id}`).toBeGreaterThan(300);
      }
    }
  });

  it('leaves the planted schools with no prohibited store within 250 m but the planted ones', () => {
    const planted = new Set(manifest.planted.map((p) => p.storeId));
    for (const id of manifest.plantedSchoolIds) {
      const school = schools.get(id)!;
      const near = layers.stores.filter(
        (s) =>
          s.properties.categories.some((c) => c !== 'other') &&
          geodesicDistanceM(s.geometry.coordinates, school.geometry.coordinates) < 600 &&
          distanceToSchool(s.geometry.coordinates, school) <= 250,
      );
      expect(near.every((s) => planted.has(s.id))).toBe(true);
      expect(near.length).toBe(manifest.planted.filter((p) => p.schoolId === id).length);
    }
  });
});
