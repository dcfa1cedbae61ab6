import { describe, expect, it } from 'vitest';
import { storeGroup } from './stores.ts';

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
