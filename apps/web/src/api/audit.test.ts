import { describe, expect, it } from 'vitest';
import { auditClient } from './audit.ts';
import type { Fetch } from './http.ts';

// The audit client shares one lookup of the latest run among its summaries, and moves it
// on when it starts a run or a summary names a newer one.

/** A fake API: runs newest first; a summary names the newest run; POST saves a new one. */
function fakeApi(runIds: number[]) {
  const asked: string[] = [];
  const fetchFn: Fetch = async (url, init) => {
    asked.push(`${init?.method ?? 'GET'} ${url}`);
    if (init?.method === 'POST') {
      runIds.unshift(Math.max(0, ...runIds) + 1);
      return new Response(JSON.stringify({ id: runIds[0] }), { status: 201 });
    }
    if (url === '/api/audits')
      return new Response(JSON.stringify({ runs: runIds.map((id) => ({ id })) }));
    const runId = Number(/\/api\/audits\/(\d+)\/summary/.exec(url)![1]);
    return new Response(JSON.stringify({ runId, latestRunId: runIds[0], total: 0 }));
  };
  return { fetchFn, asked };
}

describe('auditClient latest run', () => {
  it('looks up the runs once for many summaries', async () => {
    const { fetchFn, asked } = fakeApi([2, 1]);
    const audit = auditClient(fetchFn);
    for (let i = 0; i < 3; i++) {
      const id = await audit.latestRun.get();
      await audit.summary(id!, { schools: i });
    }
    expect(asked.filter((a) => a === 'GET /api/audits')).toHaveLength(1);
    expect(asked.filter((a) => a.includes('/summary'))).toHaveLength(3);
  });

  it('moves on to a run it starts, and to a newer run a summary names', async () => {
    const runs = [2, 1];
    const { fetchFn, asked } = fakeApi(runs);
    const audit = auditClient(fetchFn);
    let moved = 0;
    audit.latestRun.subscribe(() => moved++);
    expect(await audit.latestRun.get()).toBe('2');
    const started = await audit.startRun({ profile: 'hubei' });
    expect(started.id).toBe(3);
    expect(await audit.latestRun.get()).toBe('3');
    runs.unshift(4); // saved elsewhere (the command line, another planner)
    await audit.summary('3', {});
    expect(await audit.latestRun.get()).toBe('4');
    expect(moved).toBe(2);
    expect(asked.filter((a) => a === 'GET /api/audits')).toHaveLength(1);
  });
});
