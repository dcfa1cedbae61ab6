import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openStore } from '@atlas/store';
import type { AtlasStore } from '@atlas/store';
import type { Store, School } from '@atlas/model';
import { createApp } from './app.ts';

// Test support: the real app over a real DuckDB file in a temp directory.

const provenance = {
  source: '测试数据',
  importedAt: '2026-11-23T08:00:00+08:00',
  originalCrs: 'EPSG:4326',
};

export function storeFeature(i: number, lng: number, lat: number): Store {
  return {
    type: 'Feature',
    id: `sto-${String(i).padStart(4, '0')}`,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      name: `测试商店 ${i}`,
      categories: i % 2 ? ['tobacco', 'liquor'] : ['internet_cafe'],
      entertainmentSubtype: null,
      licenceNo: null,
      licenceExpiry: null,
      address: '',
      uncertaintyM: 5,
      adminCode: null,
      provenance,
    },
  };
}

export function schoolFeature(id: string, lng: number, lat: number): School {
  const d = 0.001;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      code: '4299000001',
      name: '测试小学',
      type: 'primary',
      address: '',
      students: 300,
      boarding: false,
      campus: {
        type: 'Polygon',
        coordinates: [
          [
            [lng - d, lat - d],
            [lng + d, lat - d],
            [lng + d, lat + d],
            [lng - d, lat + d],
            [lng - d, lat - d],
          ],
        ],
      },
      gates: [{ id: 'g1', kind: 'main', studentUse: true, position: [lng, lat - d] }],
      adminCode: '429900001001',
      provenance,
    },
  };
}

export async function testApp() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-api-'));
  const store: AtlasStore = await openStore(join(dir, 'test.duckdb'));
  const app = createApp({ store, log: pino({ level: 'silent' }) });
  return {
    app,
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
