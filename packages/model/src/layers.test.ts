import { describe, expect, it } from 'vitest';
import { LAYERS, problemsFromZod } from './index.ts';

const provenance = {
  source: '测试',
  importedAt: '2026-11-23T08:00:00+08:00',
  originalCrs: 'EPSG:4326',
};

const school = {
  type: 'Feature',
  id: 'sch-1',
  geometry: { type: 'Point', coordinates: [111.3, 30.8] },
  properties: {
    code: '4205000001',
    name: '云溪县第一中学',
    type: 'senior',
    address: '云溪县城关镇',
    students: 1200,
    boarding: true,
    campus: {
      type: 'Polygon',
      coordinates: [
        [
          [111.3, 30.8],
          [111.301, 30.8],
          [111.301, 30.801],
          [111.3, 30.8],
        ],
      ],
    },
    gates: [{ id: 'g1', kind: 'main', studentUse: true, position: [111.3005, 30.8] }],
    adminCode: '420500001001',
    provenance,
  },
};

describe('layer schemas', () => {
  it('accept a complete school', () => {
    expect(LAYERS.schools.feature.safeParse(school).success).toBe(true);
  });

  it('reject a school code that is not 10 digits, naming the field', () => {
    const bad = { ...school, properties: { ...school.properties, code: '42050' } };
    const r = LAYERS.schools.feature.safeParse(bad);
    expect(r.success).toBe(false);
    const problems = problemsFromZod(r.error!, 7);
    expect(problems).toContainEqual(
      expect.objectContaining({ row: 7, field: 'properties.code', severity: 'error' }),
    );
  });

  it('reject swapped coordinates (latitude beyond ±90) on the point', () => {
    const bad = { ...school, geometry: { type: 'Point', coordinates: [30.8, 111.3] } };
    const r = LAYERS.schools.feature.safeParse(bad);
    expect(r.success).toBe(false);
    expect(problemsFromZod(r.error!).map((p) => p.field)).toContain('geometry.coordinates.1');
  });

  it('reject an unclosed campus ring', () => {
    const ring = school.properties.campus.coordinates[0]!.slice(0, 3).concat([[111.3, 30.9]]);
    const bad = {
      ...school,
      properties: { ...school.properties, campus: { type: 'Polygon', coordinates: [ring] } },
    };
    expect(LAYERS.schools.feature.safeParse(bad).success).toBe(false);
  });

  it('accept a tobacco-and-liquor shop but refuse a store with no category', () => {
    const store = {
      type: 'Feature',
      id: 'sto-1',
      geometry: { type: 'Point', coordinates: [111.31, 30.81] },
      properties: {
        name: '老王烟酒店',
        categories: ['tobacco', 'liquor'],
        entertainmentSubtype: null,
        licenceNo: null,
        licenceExpiry: '2027-06-30',
        address: '',
        uncertaintyM: 10,
        adminCode: null,
        provenance,
      },
    };
    expect(LAYERS.stores.feature.safeParse(store).success).toBe(true);
    const none = { ...store, properties: { ...store.properties, categories: [] } };
    expect(LAYERS.stores.feature.safeParse(none).success).toBe(false);
  });

  it('refuse a provenance without a known CRS code', () => {
    const bad = {
      ...school,
      properties: {
        ...school.properties,
        provenance: { ...provenance, originalCrs: 'Beijing54?' },
      },
    };
    const r = LAYERS.schools.feature.safeParse(bad);
    expect(problemsFromZod(r.error!).map((p) => p.field)).toContain(
      'properties.provenance.originalCrs',
    );
  });
});
