// Summaries of one run: latency percentiles, throughput, bytes per tile.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  tiles: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  tilesPerS: number;
  meanBytes: number;
  maxBytes: number;
}

export function summarise(latenciesMs: number[], bytes: number[], wallMs: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    tiles: latenciesMs.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    tilesPerS: round((latenciesMs.length / wallMs) * 1000),
    meanBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length)),
    maxBytes: Math.max(0, ...bytes),
  };
}
