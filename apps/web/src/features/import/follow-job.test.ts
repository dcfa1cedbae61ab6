import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followJob, POLL_INTERVAL_MS } from './follow-job.ts';
import type { ImportClient, ImportJob } from './import-client.ts';

const job = (status: ImportJob['status'], rows: number): ImportJob =>
  ({
    id: 'j1',
    status,
    fileName: 'shops.csv',
    options: { layer: 'stores' },
    createdAt: '2026-01-01T00:00:00Z',
    progress: { phase: 'reading', rows, bytesRead: rows, totalBytes: 10, elapsedMs: 1 },
    preview: null,
    result: null,
    error: null,
  }) as ImportJob;

function fakeClient(answers: ImportJob[]): ImportClient & { asked: () => number } {
  let asked = 0;
  return {
    upload: () => Promise.reject(new Error('not used')),
    commit: () => Promise.reject(new Error('not used')),
    eventsUrl: (id) => `/api/imports/${id}/events`,
    job: () => Promise.resolve(answers[Math.min(asked++, answers.length - 1)]!),
    asked: () => asked,
  };
}

describe('following an import job without Server-Sent Events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('polls the job, reports its progress, and stops once it rests', async () => {
    const client = fakeClient([job('previewing', 3), job('previewing', 7), job('previewed', 10)]);
    const rows: number[] = [];
    const statuses: string[] = [];
    followJob(client, 'j1', {
      onProgress: (p) => rows.push(p.rows),
      onJob: (j) => statuses.push(j.status),
      onError: (e) => {
        throw e;
      },
    });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(rows).toEqual([3, 7, 10]);
    expect(statuses).toEqual(['previewing', 'previewing', 'previewed']);
    expect(client.asked()).toBe(3);
  });

  it('reports a failed poll once and stops', async () => {
    const client = fakeClient([]);
    client.job = () => Promise.reject(new Error('offline'));
    const errors: unknown[] = [];
    followJob(client, 'j1', {
      onProgress: () => {},
      onJob: () => {},
      onError: (e) => errors.push(e),
    });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(errors).toHaveLength(1);
  });
});
