import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/filters.ts';
import { cellStores, countsInView } from './view-counts.ts';
import type { TileFeature } from './view-counts.ts';

const VIEW: [number, number, number, number] = [111, 30, 112, 31];
const point = (lng: number, lat: number, properties: Record<string, unknown>, id?: number) => ({
  id,
  properties,
  geometry: { type: 'Point' as const, coordinates: [lng, lat] },
});
const line = (coords: [number, number][], properties: Record<string, unknown>): TileFeature => ({
  properties,
  geometry: { type: 'LineString', coordinates: coords },
});

describe('countsInView', () => {
  it('counts a road cut into two tiles once, by its id', () => {
    const roads = [
      line(
        [
          [111.1, 30.5],
          [111.5, 30.5],
        ],
        { id: 'r1', class: 'county' },
      ),
      line(
        [
          [111.5, 30.5],
          [111.9, 30.5],
        ],
        { id: 'r1', class: 'county' },
      ),
      line(
        [
          [111.2, 30.2],
          [111.3, 30.3],
        ],
        { id: 'r2', class: 'village' },
      ),
    ];
    expect(countsInView({ roads }, VIEW, NO_FILTERS, 0).roads).toBe(2);
  });

  it('counts the members of grid cells, and leaves out what lies outside the view', () => {
    const schools = [
      point(111.5, 30.5, { cluster: true, count: 7 }, 11),
      point(111.6, 30.6, { cluster: true, count: 3 }, 12),
      point(113, 30.5, { cluster: true, count: 50 }, 13),
    ];
    expect(countsInView({ schools }, VIEW, NO_FILTERS, 0).schools).toBe(10);
  });

  it('counts stores per type: single stores by their first group, cells by their counts', () => {
    const stores = [
      point(111.5, 30.5, { id: 's1', categories: 'liquor,tobacco' }),
      point(111.5, 30.5, { id: 's2', categories: 'other' }),
      point(111.6, 30.6, { cluster: true, count: 6, tobacco: 2, lottery: 1 }, 21),
    ];
    const counts = countsInView({ stores }, VIEW, NO_FILTERS, 0);
    expect(counts['stores.tobacco']).toBe(3);
    expect(counts['stores.liquor']).toBe(0);
    expect(counts['stores.lottery']).toBe(1);
    expect(counts['stores.other']).toBe(1 + 3);
  });

  it('counts nothing of a store type the category filter leaves out', () => {
    const stores = [point(111.5, 30.5, { id: 's1', categories: 'tobacco' })];
    const filters = { ...NO_FILTERS, categories: ['lottery' as const] };
    expect(countsInView({ stores }, VIEW, filters, 0)['stores.tobacco']).toBe(0);
  });

  it('counts audit lines per status under the filters, each line once', () => {
    const v = (id: string, schoolId: string, status: string, category: string) =>
      line(
        [
          [111.2, 30.2],
          [111.3, 30.3],
        ],
        { id, schoolId, status, category, schoolType: schoolId === 's2' ? 'junior' : 'primary' },
      );
    const violations = [
      v('f1', 's1', 'violation', 'tobacco'),
      v('f1', 's1', 'violation', 'tobacco'), // the same line from a second tile
      v('f2', 's2', 'violation', 'lottery'),
      v('f3', 's1', 'monitor', 'landslide'),
    ];
    const all = countsInView({ violations }, VIEW, NO_FILTERS, 0);
    expect([all['audit.violation'], all['audit.borderline'], all['audit.monitor']]).toEqual([
      2, 0, 1,
    ]);
    const tobacco = { ...NO_FILTERS, categories: ['tobacco' as const] };
    expect(countsInView({ violations }, VIEW, tobacco, 0)['audit.monitor']).toBe(0);
    expect(countsInView({ violations }, VIEW, tobacco, 0)['audit.violation']).toBe(1);
    const junior = { ...NO_FILTERS, schoolTypes: ['junior' as const] };
    expect(countsInView({ violations }, VIEW, junior, 0)['audit.violation']).toBe(1);
  });

  it('counts lines that carry no id (below z14) by their tile feature id, each once', () => {
    const slim = (fid: number) => ({
      ...line(
        [
          [111.2, 30.2],
          [111.3, 30.3],
        ],
        { status: 'violation', category: 'tobacco', schoolType: 'primary' },
      ),
      id: fid,
    });
    const violations = [slim(7), slim(7), slim(8)]; // 7 again from a second tile
    expect(countsInView({ violations }, VIEW, NO_FILTERS, 0)['audit.violation']).toBe(2);
  });

  it('counts one audit ring per school and distance, of the schools in the chosen township', () => {
    const ring = (schoolId: string, distanceM: number): TileFeature => ({
      properties: { schoolId, distanceM, township: schoolId === 's2' ? '420506102' : '420506101' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [111.1, 30.1],
            [111.2, 30.1],
            [111.2, 30.2],
            [111.1, 30.1],
          ],
        ],
      },
    });
    const zones = [ring('s1', 50), ring('s1', 50), ring('s1', 200), ring('s2', 50)];
    expect(countsInView({ perimeter_zones: zones }, VIEW, NO_FILTERS, 0)['audit.zones']).toBe(3);
    const s2 = { ...NO_FILTERS, township: '420506102' };
    expect(countsInView({ perimeter_zones: zones }, VIEW, s2, 0)['audit.zones']).toBe(1);
  });

  it('reports the selected school’s zones as given', () => {
    expect(countsInView({}, VIEW, NO_FILTERS, 2).zones).toBe(2);
  });
});

describe('cellStores', () => {
  it('takes ordinary shops as the members in no prohibited group, never below 0', () => {
    expect(cellStores({ count: 4, tobacco: 1, liquor: 1 }, 'other')).toBe(2);
    expect(cellStores({ count: 1, tobacco: 1, liquor: 1 }, 'other')).toBe(0);
  });
});
