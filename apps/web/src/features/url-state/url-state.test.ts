import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatViewState, parseViewState } from './url-state.ts';
import type { ViewState } from './url-state.ts';

const full: ViewState = {
  camera: { center: [111.30123, 30.80456], zoom: 14.25 },
  school: 'sch-001',
  hidden: ['stores.other', 'roads'],
  theme: 'dark',
  filters: {
    categories: ['lottery', 'tobacco'],
    schoolTypes: ['primary'],
    township: '420599001',
    statuses: ['violation'],
  },
  panel: 'district',
};

describe('view state in the URL', () => {
  it('comes back the same after a round trip through the query string', () => {
    const search = formatViewState(full);
    expect(search).toBe(
      '?at=111.30123,30.80456,14.25&school=sch-001&off=roads,stores.other&theme=dark&cat=lottery,tobacco&type=primary&town=420599001&status=violation&view=district',
    );
    expect(parseViewState(search)).toEqual({ ...full, hidden: ['roads', 'stores.other'] });
  });

  it('writes nothing for the default view, and reads an empty query as the default', () => {
    expect(formatViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('drops malformed and unknown parts instead of failing', () => {
    const v = parseViewState(
      '?at=999,30,12&school=<script>&theme=neon&cat=lottery,bogus&type=castle&town=42&status=maybe,monitor',
    );
    expect(v.camera).toBeNull();
    expect(v.school).toBeNull();
    expect(v.theme).toBe('light');
    expect(v.filters).toEqual({
      categories: ['lottery'],
      schoolTypes: [],
      township: null,
      statuses: ['monitor'],
    });
  });
});
