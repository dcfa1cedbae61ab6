import type { LayerFeature } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { attributeRows, featureTitle } from './attributes.ts';

const provenance = {
  source: '市场监管局 2026-03 登记',
  importedAt: '2026-03-01T08:00:00+08:00',
  originalCrs: 'EPSG:4490',
};

const store: LayerFeature<'stores'> = {
  type: 'Feature',
  id: 'st1',
  geometry: { type: 'Point', coordinates: [113.3, 23.1] },
  properties: {
    name: '好运烟酒店',
    categories: ['tobacco', 'liquor'],
    entertainmentSubtype: null,
    licenceNo: null,
    licenceExpiry: '2027-06-30',
    address: '学府路 8 号',
    uncertaintyM: 15,
    adminCode: null,
    provenance,
  },
};

const rowsOf = (rows: { label: string; value: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.label, r.value]));

describe('attributeRows', () => {
  it('shows enum values by their Chinese label, never the stored key', () => {
    const rows = rowsOf(attributeRows('stores', store));
    expect(rows['经营类别']).toBe('烟草销售点、酒水销售店');
    expect(Object.values(rows).join()).not.toMatch(/tobacco|liquor/);
  });

  it('writes missing values as 无 and units in words', () => {
    const rows = rowsOf(attributeRows('stores', store));
    expect(rows['许可证号']).toBe('无');
    expect(rows['位置误差']).toBe('15 米');
  });

  it('ends with the feature id and its provenance', () => {
    const labels = attributeRows('stores', store).map((r) => r.label);
    expect(labels.slice(-4)).toEqual(['要素编号', '数据来源', '导入时间', '原始坐标系']);
  });

  it('lists which water safety equipment is present and which is missing', () => {
    const water: LayerFeature<'water'> = {
      type: 'Feature',
      id: 'w1',
      geometry: {
        type: 'LineString',
        coordinates: [
          [113, 23],
          [113.1, 23],
        ],
      },
      properties: {
        name: '清水河',
        kind: 'river',
        safety: {
          warningSign: true,
          lifebuoy: false,
          lifeRope: true,
          lifePole: false,
          guardrail: false,
        },
        responsibleUnit: '区水务局',
        responsiblePerson: { name: '张三', phone: '13800000000' },
        adminCode: null,
        provenance,
      },
    };
    const rows = rowsOf(attributeRows('water', water));
    expect(rows['类型']).toBe('河流');
    expect(rows['安全设施']).toBe('有：警示牌、救生绳；缺：救生圈、救生杆、护栏/围栏');
    expect(rows['责任人']).toBe('张三（13800000000）');
  });
});

describe('featureTitle', () => {
  it('calls a road without a name 未命名 rather than showing an empty title', () => {
    const road: LayerFeature<'roads'> = {
      type: 'Feature',
      id: 'r9',
      geometry: {
        type: 'LineString',
        coordinates: [
          [113, 23],
          [113.1, 23],
        ],
      },
      properties: { name: '', class: 'village', walkable: true, provenance },
    };
    expect(featureTitle(road)).toBe('（未命名）');
  });
});
