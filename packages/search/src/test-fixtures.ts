import type { AdminArea, School, Store } from '@atlas/model';

// A tiny district: one county, one township, one village, two schools and three stores.

const provenance = {
  source: '测试',
  importedAt: '2026-11-23T08:00:00+08:00',
  originalCrs: 'EPSG:4326',
};

function square(lng: number, lat: number, d: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lng - d, lat - d],
        [lng + d, lat - d],
        [lng + d, lat + d],
        [lng - d, lat + d],
        [lng - d, lat - d],
      ] as [number, number][],
    ],
  };
}

function area(
  code: string,
  name: string,
  level: AdminArea['properties']['level'],
  parentCode: string | null,
  d: number,
): AdminArea {
  return {
    type: 'Feature',
    id: `adm-${code}`,
    geometry: square(111.3, 30.8, d),
    properties: { code, name, level, parentCode, provenance },
  };
}

export const adminAreas: AdminArea[] = [
  area('420599', '云溪县', 'county', null, 0.2),
  area('420599001', '云溪街道', 'township', '420599', 0.1),
  area('420599001003', '文昌社区', 'village', '420599001', 0.05),
];

function school(id: string, name: string, address: string): School {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [111.3, 30.8] },
    properties: {
      code: '4205990001',
      name,
      type: 'senior',
      address,
      students: 1000,
      boarding: false,
      campus: null,
      gates: [],
      adminCode: '420599001003',
      provenance,
    },
  };
}

export const schools: School[] = [
  school('sch-001', '云溪县第一中学', '云溪县云溪街道文昌路187号'),
  school('sch-002', '长阳镇中心小学', '云溪县长阳镇重庆路5号'),
];

function store(id: string, name: string, address: string): Store {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [111.31, 30.81] },
    properties: {
      name,
      categories: ['tobacco'],
      entertainmentSubtype: null,
      licenceNo: null,
      licenceExpiry: null,
      address,
      uncertaintyM: 5,
      adminCode: '420599001003',
      provenance,
    },
  };
}

export const stores: Store[] = [
  store('sto-1', '风云名酒坊', '云溪县云溪街道民主街320号'),
  store('sto-2', '第一烟酒店', '云溪县云溪街道文昌路12号'),
  store('sto-3', '利民五金店', '云溪县云溪街道幸福街284号'),
];
