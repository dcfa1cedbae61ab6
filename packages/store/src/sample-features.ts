import type { LayerFeature, LayerName, Provenance } from '@atlas/model';

// Realistic features of every layer for tests, with awkward doubles so that a lossy
// round trip (text formatting, float32, rounding) would show.

const provenance: Provenance = {
  source: '区教育局 2026-03 校园普查',
  importedAt: '2026-03-15T09:30:00+08:00',
  originalCrs: 'EPSG:4490',
};
const awkward = 0.1 + 0.2; // 0.30000000000000004

export const school: LayerFeature<'schools'> = {
  type: 'Feature',
  id: 'school-4201060001',
  geometry: { type: 'Point', coordinates: [114.30000000000001, 30.5 + awkward / 100] },
  properties: {
    code: '4201060001',
    name: '武昌区实验小学',
    type: 'primary',
    address: '武汉市武昌区中山路 1 号',
    students: 1260,
    boarding: false,
    campus: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [114.2991, 30.5021],
            [114.3011, 30.5021],
            [114.3011, 30.5039],
            [114.2991, 30.5039],
            [114.2991, 30.5021],
          ],
          // a hole: the neighbouring residential block inside the walls' outline
          [
            [114.2999, 30.5027],
            [114.3003000000001, 30.5027],
            [114.3003000000001, 30.5031],
            [114.2999, 30.5027],
          ],
        ],
        [
          [
            [114.3015, 30.5021],
            [114.3019 + awkward / 1000, 30.5021],
            [114.3019 + awkward / 1000, 30.5026],
            [114.3015, 30.5021],
          ],
        ],
      ],
    },
    gates: [
      { id: 'g1', kind: 'main', studentUse: true, position: [114.3001, 30.5021] },
      { id: 'g2', kind: 'back', studentUse: false, position: [114.30000000000001, 30.5039] },
    ],
    adminCode: '420106002000',
    provenance,
  },
};

export const store: LayerFeature<'stores'> = {
  type: 'Feature',
  id: 'store-91420106MA4K',
  geometry: { type: 'Point', coordinates: [114.3021 + awkward * 1e-5, 30.50412345678901] },
  properties: {
    name: '好又多烟酒商行',
    categories: ['tobacco', 'liquor'],
    entertainmentSubtype: null,
    licenceNo: '420106202400123',
    licenceExpiry: '2027-06-30',
    address: '中山路 12 号',
    uncertaintyM: 7.5,
    adminCode: null,
    provenance: { ...provenance, source: '市场监管局 2026-03 登记', originalCrs: 'GCJ-02' },
  },
};

export const hazard: LayerFeature<'hazards'> = {
  type: 'Feature',
  id: 'hz-HB0106-017',
  geometry: { type: 'Point', coordinates: [114.31, 30.49] },
  properties: {
    code: 'HB0106-017',
    name: '蛇山北坡滑坡',
    type: 'landslide',
    scale: 'small',
    threatZone: {
      type: 'Polygon',
      coordinates: [
        [
          [114.3092, 30.4893],
          [114.3111, 30.4893],
          [114.3111, 30.49070000000001],
          [114.3092, 30.4893],
        ],
      ],
    },
    assumedThreatRadiusM: null,
    threatenedPeople: 35,
    threatenedObjects: '坡脚民房 8 户',
    monitor: { name: '张三', phone: '13800000000' },
    status: 'monitoring',
    adminCode: '420106',
    provenance: { ...provenance, source: '自然资源局 2025 汛前排查' },
  },
};

const safety = {
  warningSign: true,
  lifebuoy: false,
  lifeRope: true,
  lifePole: false,
  guardrail: true,
};

export const river: LayerFeature<'water'> = {
  type: 'Feature',
  id: 'water-river-1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.28, 30.51],
      [114.29 + awkward, 30.515],
      [114.3, 30.52],
    ],
  },
  properties: {
    name: '巡司河',
    kind: 'river',
    safety,
    responsibleUnit: '白沙洲街道',
    responsiblePerson: null,
    adminCode: null,
    provenance,
  },
};

export const pond: LayerFeature<'water'> = {
  type: 'Feature',
  id: 'water-pond-2',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [114.305, 30.506],
        [114.306, 30.506],
        [114.306, 30.50700000000001],
        [114.305, 30.506],
      ],
    ],
  },
  properties: {
    name: '万家山塘',
    kind: 'mountain_pond',
    safety: { ...safety, lifebuoy: true },
    responsibleUnit: '万家村',
    responsiblePerson: { name: '李四' },
    adminCode: '420106003201',
    provenance,
  },
};

export const road: LayerFeature<'roads'> = {
  type: 'Feature',
  id: 'road-zhongshan',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.298, 30.5019],
      [114.304, 30.5019],
    ],
  },
  properties: { name: '中山路', class: 'urban_arterial', walkable: true, provenance },
};

export const pipeline: LayerFeature<'pipelines'> = {
  type: 'Feature',
  id: 'pl-220kv-1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.25, 30.45],
      [114.35, 30.55],
    ],
  },
  properties: {
    name: '220kV 武青线',
    kind: 'hv_power',
    voltageKv: 220,
    operator: '国网武汉供电',
    provenance,
  },
};

export const route: LayerFeature<'routes'> = {
  type: 'Feature',
  id: 'route-1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.32, 30.48],
      [114.31, 30.49],
      [114.30000000000001, 30.502],
    ],
  },
  properties: {
    name: '实验小学 1 号线',
    schoolCodes: ['4201060001'],
    operator: '江城校车',
    plate: '鄂A·12345',
    approvedOn: '2025-08-20',
    stops: [{ name: '彭刘杨路口', position: [114.31, 30.49] }],
    speedLimitKmh: 40,
    provenance,
  },
};

export const adminArea: LayerFeature<'admin_areas'> = {
  type: 'Feature',
  id: 'admin-420106',
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [114.2, 30.4],
          [114.4, 30.4],
          [114.4, 30.6],
          [114.2, 30.4],
        ],
      ],
      [
        [
          [114.41, 30.41],
          [114.42, 30.41],
          [114.42, 30.42],
          [114.41, 30.41],
        ],
      ],
    ],
  },
  properties: {
    code: '420106',
    name: '武昌区',
    level: 'county',
    parentCode: null,
    provenance,
  },
};

/** At least one sample per layer (water twice: a line and a polygon). */
export const SAMPLES: { [L in LayerName]: LayerFeature<L>[] } = {
  admin_areas: [adminArea],
  water: [river, pond],
  roads: [road],
  pipelines: [pipeline],
  routes: [route],
  hazards: [hazard, { ...hazard, id: 'hz-no-zone', properties: noZone() }],
  schools: [school, { ...school, id: 'school-no-campus', properties: noCampus() }],
  stores: [store],
};

function noZone(): LayerFeature<'hazards'>['properties'] {
  return { ...hazard.properties, threatZone: null, assumedThreatRadiusM: 150 };
}

function noCampus(): LayerFeature<'schools'>['properties'] {
  return { ...school.properties, code: '4201060002', campus: null, gates: [] };
}
