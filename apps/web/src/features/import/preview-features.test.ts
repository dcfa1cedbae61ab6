import { describe, expect, it } from 'vitest';
import { boundsOf, previewFeatures, rawPoints } from './preview-features.ts';

const mapping = {
  matches: [
    { field: 'name', column: '名称', confidence: 'sure' as const },
    { field: 'x', column: '经度', confidence: 'sure' as const },
    { field: 'y', column: '纬度', confidence: 'sure' as const },
  ],
  missing: [],
  unused: [],
};
const point = (lng: number, lat: number, name: string) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { name },
});
const rows = [
  {
    row: 2,
    fields: { 名称: '甲', 经度: '111.30', 纬度: '30.80' },
    feature: point(111.295, 30.803, '甲'),
    action: 'add' as const,
  },
  { row: 3, fields: { 名称: '乙', 经度: 'abc', 纬度: '30.81' }, feature: null, action: null },
  {
    row: 4,
    fields: { 名称: '丙', 经度: '111.32', 纬度: '30.79' },
    feature: point(111.315, 30.793, '丙'),
    action: 'update' as const,
  },
];

describe('preview features', () => {
  it('keeps the features rows become, with row number, name and action, and skips rows with errors', () => {
    const fc = previewFeatures({ rows, mapping });
    expect(fc.features.map((f) => f.properties)).toEqual([
      { row: 2, name: '甲', action: 'add' },
      { row: 4, name: '丙', action: 'update' },
    ]);
  });

  it('bounds every position of the features', () => {
    expect(boundsOf(previewFeatures({ rows, mapping }))).toEqual([
      111.295, 30.793, 111.315, 30.803,
    ]);
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it('reads raw x/y from the mapped columns for the sketch, skipping text', () => {
    expect(rawPoints({ rows, mapping })).toEqual([
      { row: 2, xy: [111.3, 30.8] },
      { row: 4, xy: [111.32, 30.79] },
    ]);
    expect(rawPoints({ rows, mapping: { ...mapping, matches: [] } })).toEqual([]);
  });
});
