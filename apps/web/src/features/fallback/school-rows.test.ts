import { describe, expect, it } from 'vitest';
import type { SearchResult } from '@atlas/search';
import { rowsFromSearch } from './school-rows.ts';

const hit = (kind: SearchResult['kind'], id: string, address: string): SearchResult => ({
  kind,
  id,
  name: `${id} 名称`,
  address,
  adminPath: '云溪县 › 城关镇',
  position: [111.3, 30.8],
  bbox: null,
  matched: 'name',
  score: 1,
});

describe('rowsFromSearch', () => {
  it('keeps only schools, best first, and falls back to the admin area when there is no address', () => {
    const rows = rowsFromSearch([
      hit('school', 'sch-007', '东街 7 号'),
      hit('store', 'st-1', '东街 9 号'),
      hit('admin_area', '420101001', ''),
      hit('school', 'sch-003', ''),
    ]);
    expect(rows).toEqual([
      { id: 'sch-007', name: 'sch-007 名称', detail: '东街 7 号' },
      { id: 'sch-003', name: 'sch-003 名称', detail: '云溪县 › 城关镇' },
    ]);
  });
});
