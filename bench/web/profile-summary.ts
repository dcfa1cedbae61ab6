// Where did the page's main thread spend its time? A V8 CPU profile's samples summed by
// the function they fell in (self time), busiest first, with where the function is.

const TOP_N = 25;

/** The parts of a CDP Profiler.Profile read here. */
type Profile = {
  nodes: { id: number; callFrame: CallFrame }[];
  samples?: number[];
  timeDeltas?: number[];
};
type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };

export type FunctionSelf = { fn: string; where: string; selfMs: number; share: string };

export function summariseProfile(profile: Profile): FunctionSelf[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next sample.
  for (let i = 0; i < samples.length - 1; i++) {
    const id = samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id)!;
    const file = callFrame.url.split('/').at(-1) ?? '';
    const where = `${file}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    const fn = callFrame.functionName || '(anonymous)';
    const key = `${fn}@${where}`;
    const entry = byFunction.get(key) ?? { fn, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    total += us;
  }
  return [...byFunction.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, TOP_N)
    .map((e) => ({
      fn: e.fn,
      where: e.where,
      selfMs: Math.round(e.us / 1000),
      share: `${((100 * e.us) / total).toFixed(1)}%`,
    }));
}
