import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { STORE_NAME_ZOOM } from '@atlas/tiles';
import { BASE } from '../palette.ts';
import { STORE_LAYER_IDS, storeFilters, storeGroup, storeGroupOfText, stores } from './stores.ts';

describe('storeGroup', () => {
  it('puts e-cigarette shops with tobacco, as the campaign counts them', () => {
    expect(storeGroup(['ecig'])).toBe('tobacco');
  });

  it('puts internet cafés and entertainment venues in one group', () => {
    expect(storeGroup(['internet_cafe'])).toBe('internet_entertainment');
    expect(storeGroup(['entertainment'])).toBe('internet_entertainment');
  });

  it('gives a shop in several groups the first group in the campaign order', () => {
    expect(storeGroup(['liquor', 'tobacco'])).toBe('tobacco');
    expect(storeGroup(['other', 'adult'])).toBe('adult');
  });

  it('calls a shop with no prohibited category other', () => {
    expect(storeGroup(['other'])).toBe('other');
  });
});

type Props = Record<string, string | number | boolean>;
/** Whether a store style layer's filter keeps a tile feature, as MapLibre evaluates it. */
function kept(filter: FilterSpecification, properties: Props): boolean {
  const { filter: test } = featureFilter(filter, 'filter');
  return test({ zoom: 14 }, { type: 1, properties, geometry: [] } as never);
}

describe('storeFilters', () => {
  it('shows a single store by its first group, as storeGroup() does', () => {
    const wineAndTobacco = { id: 'st1', categories: 'liquor,tobacco' };
    expect(storeGroupOfText('liquor,tobacco')).toBe('tobacco');
    expect(kept(storeFilters(['tobacco'])['stores-point'], wineAndTobacco)).toBe(true);
    expect(kept(storeFilters(['liquor', 'other'])['stores-point'], wineAndTobacco)).toBe(false);
  });

  it('matches whole category names in the comma-separated text, not parts of them', () => {
    expect(kept(storeFilters(['other'])['stores-point'], { categories: 'other' })).toBe(true);
    expect(kept(storeFilters(['tobacco'])['stores-point'], { categories: 'ecig' })).toBe(true);
    expect(kept(storeFilters(['tobacco'])['stores-point'], { categories: 'other' })).toBe(false);
  });

  it('numbers a cell only for the groups switched on, and shows ordinary shops as a dot', () => {
    const cell = { cluster: true, count: 5, tobacco: 2, liquor: 0, lottery: 0, adult: 0 };
    const liquorOnly = storeFilters(['liquor', 'other']);
    expect(kept(liquorOnly['stores-cell'], cell)).toBe(false);
    expect(kept(liquorOnly['stores-cell-other'], cell)).toBe(true);
    expect(kept(storeFilters(['tobacco'])['stores-cell'], cell)).toBe(true);
    expect(kept(storeFilters(['tobacco'])['stores-point'], cell)).toBe(false);
  });

  it('draws a one-store cell as that store’s marker when its group is on', () => {
    const one = { cluster: true, count: 1, adult: 1 };
    expect(kept(storeFilters(['adult'])['stores-cell-one'], one)).toBe(true);
    expect(kept(storeFilters(['tobacco'])['stores-cell-one'], one)).toBe(false);
    expect(kept(storeFilters(['adult'])['stores-cell'], one)).toBe(false);
  });
});

describe('store names', () => {
  it('are labelled only from the zoom at which the tiles carry them', () => {
    const label = stores.labels(BASE).find((l) => l.id === STORE_LAYER_IDS.label);
    expect(label?.minzoom).toBeGreaterThanOrEqual(STORE_NAME_ZOOM);
  });
});
