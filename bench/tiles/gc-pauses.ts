import { PerformanceObserver } from 'node:perf_hooks';

// This process's garbage-collection pauses, by kind, between two takes: bench:tiles watches
// the server's and the load client's, to tell whether a run's tail is GC.

export type GcSummary = Record<string, { count: number; totalMs: number; maxMs: number }>;

const KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };
const round = (ms: number) => Math.round(ms * 100) / 100;

/** Start watching; take() returns the pauses since the last take (or the start). */
export function watchGcPauses(): { take(): GcSummary } {
  let pauses: GcSummary = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const code = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      const k = (pauses[KINDS[code] ?? String(code)] ??= { count: 0, totalMs: 0, maxMs: 0 });
      k.count++;
      k.totalMs = round(k.totalMs + e.duration);
      k.maxMs = Math.max(k.maxMs, round(e.duration));
    }
  }).observe({ entryTypes: ['gc'] });
  return {
    take() {
      const taken = pauses;
      pauses = {};
      return taken;
    },
  };
}

/** "minor 2×/1.3ms" style, for a log line. */
export function gcText(summary: GcSummary): string {
  const parts = Object.entries(summary).map(([k, v]) => `${k} ${v.count}×/${v.totalMs}ms`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
