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

/** Per-request timings of one pass over a tile list, as both clients report them. */
export interface PassTimings {
  latenciesMs: number[];
  bytes: number[];
  wallMs: number;
}

/** Summary of the requests whose tile `keep` accepts, out of a pass over `tiles`. */
export function summariseSubset<T>(
  tiles: readonly T[],
  r: PassTimings,
  keep: (t: T) => boolean,
): Summary {
  const idx = tiles.map((t, i) => (keep(t) ? i : -1)).filter((i) => i >= 0);
  const lat = idx.map((i) => r.latenciesMs[i]!);
  // Throughput of a subset: its share of the wall time, by its share of latency.
  const share = lat.reduce((a, b) => a + b, 0) / r.latenciesMs.reduce((a, b) => a + b, 0);
  return summarise(
    lat,
    idx.map((i) => r.bytes[i]!),
    r.wallMs * share,
  );
}
