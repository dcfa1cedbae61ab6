import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/index.ts';
import type { Fetch } from '../../api/index.ts';
import { fetchSchoolPage, SCHOOL_PAGE_SIZE } from './school-page.ts';

// A fake fetch that answers one page of schools and records what was asked.
function fakeFetch(body: unknown) {
  const asked: string[] = [];
  const fetchFn: Fetch = async (url) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, asked };
}

const school = (id: string, name: string, address: string) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [111.3, 30.8] },
  properties: { name, address },
});
/** The query every page of the list carries: its fields, in name order. */
const LIST_QUERY = 'sort=name&fields=name%2Caddress';

describe('fetchSchoolPage', () => {
  it('asks for names and addresses in name order and keeps them in the order sent, with the next cursor', async () => {
    const { fetchFn, asked } = fakeFetch({
      type: 'FeatureCollection',
      features: [school('sch-002', '乙校', '河西路 2 号'), school('sch-001', '甲校', '')],
      nextCursor: 'next1',
    });
    const page = await fetchSchoolPage(createApiClient(fetchFn), { cursor: 'c0', limit: 2 });
    expect(asked).toEqual([`/api/layers/schools?limit=2&${LIST_QUERY}&cursor=c0`]);
    expect(page).toEqual({
      rows: [
        { id: 'sch-002', name: '乙校', detail: '河西路 2 号' },
        { id: 'sch-001', name: '甲校', detail: '' },
      ],
      nextCursor: 'next1',
    });
  });

  it('bounds the first page by the page size and sends no cursor', async () => {
    const { fetchFn, asked } = fakeFetch({
      type: 'FeatureCollection',
      features: [],
      nextCursor: null,
    });
    await fetchSchoolPage(createApiClient(fetchFn), { cursor: null });
    expect(asked).toEqual([`/api/layers/schools?limit=${SCHOOL_PAGE_SIZE}&${LIST_QUERY}`]);
  });

  it('refuses a limit that is not a positive integer', async () => {
    const { fetchFn } = fakeFetch({});
    await expect(
      fetchSchoolPage(createApiClient(fetchFn), { cursor: null, limit: 0 }),
    ).rejects.toThrow(/positive integer, got 0/);
  });
});
