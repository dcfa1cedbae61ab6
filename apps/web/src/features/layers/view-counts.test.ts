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
