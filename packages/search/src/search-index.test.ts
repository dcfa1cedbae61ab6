import { describe, expect, it } from 'vitest';
import { createSearchIndex, MAX_LIMIT } from './search-index.ts';
import { adminAreas, schools, stores } from './test-fixtures.ts';

const index = createSearchIndex({ schools, stores, adminAreas });
const ids = (q: string, limit?: number) => index.search(q, limit).map((r) => r.id);

describe('createSearchIndex', () => {
  it('indexes every school, store and admin area', () => {
    expect(index.size).toBe(schools.length + stores.length + adminAreas.length);
  });

  it('finds a school by part of its name, ranking it above a store with the same part at the same place', () => {
    const hits = index.search('一');
    expect(hits.map((h) => h.id)).toEqual(['sch-001', 'sto-2']);
    expect(hits[0]).toMatchObject({ kind: 'school', matched: 'name', position: [111.3, 30.8] });
  });

  it('finds a school by the initials of its pinyin, upper or lower case', () => {
    expect(ids('yxxdyzx')).toEqual(['sch-001']);
    expect(ids('YXXD')[0]).toBe('sch-001');
  });

  it('reads polyphones in context: 长阳 is chang-yang and 重庆 is chong-qing', () => {
    expect(ids('changyang')).toContain('sch-002');
    expect(ids('cyzzxxx')).toEqual(['sch-002']);
  });

  it('finds records by address, and says the address matched', () => {
    const hits = index.search('民主街');
    expect(hits.map((h) => h.id)).toEqual(['sto-1']);
    expect(hits[0]!.matched).toBe('address');
  });

  it('finds an admin area by name with its extent, and the records inside it by its name', () => {
    const hits = index.search('文昌社区');
    expect(hits[0]).toMatchObject({ kind: 'admin_area', id: 'adm-420599001003', matched: 'name' });
    expect(hits[0]!.bbox).toEqual([111.25, 30.75, 111.35, 30.85]);
    expect(hits[0]!.adminPath).toBe('云溪县 › 云溪街道');
    const inside = hits.slice(1);
    expect(inside.length).toBe(schools.length + stores.length);
    expect(inside.every((h) => h.matched === 'admin_area')).toBe(true);
  });

  it('requires every word of a query to match, ignoring spaces and full-width forms', () => {
    expect(ids('云溪 一中')).toEqual(['sch-001']);
    expect(ids('文昌路 烟酒')).toEqual(['sto-2']);
    expect(ids('ＹＸＸＤ')[0]).toBe('sch-001');
  });

  it('returns nothing for a blank query or one that matches nothing', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('不存在的名字')).toEqual([]);
  });

  it('returns at most limit hits and throws on a limit out of range', () => {
    expect(ids('云溪', 2)).toHaveLength(2);
    expect(() => index.search('云溪', 0)).toThrow(/limit must be an integer 1\.\.50/);
    expect(() => index.search('云溪', MAX_LIMIT + 1)).toThrow(RangeError);
  });
});
