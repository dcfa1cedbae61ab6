import { describe, expect, it } from 'vitest';
import { summaryClient, summaryQuery } from './summary.ts';
import type { Fetch } from './http.ts';

describe('summaryQuery', () => {
  it('sends lists comma-separated and leaves out what is not asked', () => {
    const q = summaryQuery({
      categories: ['tobacco', 'ecig'],
      statuses: [],
      schoolTypes: ['primary'],
      township: null,
      bbox: [111, 30, 112, 31],
      schools: 0,
    });
    expect(Object.fromEntries(q)).toEqual({
      category: 'tobacco,ecig',
      schoolType: 'primary',
      bbox: '111,30,112,31',
      schools: '0',
    });
  });
});

describe('summaryClient().findingsPage', () => {
  it('asks for one page of a run’s findings with every filter, lists comma-separated', async () => {
    const asked: string[] = [];
    const fetchFn: Fetch = async (url) => {
      asked.push(url);
      return new Response(JSON.stringify({ findings: [], nextCursor: null }));
    };
    await summaryClient(fetchFn).findingsPage('3', {
      township: '420106001',
      categories: ['tobacco', 'ecig'],
      statuses: ['violation'],
      schoolTypes: ['primary', 'junior'],
      limit: 25,
      cursor: 'abc',
    });
    expect(asked.map((u) => decodeURIComponent(u))).toEqual([
      '/api/audits/3/findings?limit=25&category=tobacco,ecig&status=violation&schoolType=primary,junior&township=420106001&cursor=abc',
    ]);
  });
});
