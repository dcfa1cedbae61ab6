// Where did the CPU go while panning? A Chrome trace's top-level tasks summed per thread
// (the page's main thread, MapLibre's workers, the GPU process's SwiftShader threads …),
// busiest first. Only tasks of the toplevel category are summed, so nested events are not
// counted twice.

export const TRACE_CATEGORIES = ['toplevel', '__metadata'];
const TOP_N = 12;

/** Wall ms inside top-level tasks, and the CPU ms the thread itself spent in them. */
export type ThreadBusy = {
  process: string;
  thread: string;
  busyMs: number;
  cpuMs: number;
  tasks: number;
};

type TraceEvent = {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

export function summariseTrace(trace: Buffer): ThreadBusy[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const processNames = new Map<number, string>();
  const threadNames = new Map<string, string>();
  const busy = new Map<string, { us: number; cpuUs: number; tasks: number }>();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M' && e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '');
    else if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(key, e.args?.name ?? '');
    else if (e.ph === 'X' && e.cat?.split(',').includes('toplevel') && e.dur) {
      const b = busy.get(key) ?? { us: 0, cpuUs: 0, tasks: 0 };
      b.us += e.dur;
      b.cpuUs += e.tdur ?? 0;
      b.tasks++;
      busy.set(key, b);
    }
  }
  return [...busy]
    .map(([key, b]) => ({
      process: processNames.get(Number(key.split(':')[0])) ?? key,
      thread: threadNames.get(key) ?? key,
      busyMs: Math.round(b.us / 1000),
      cpuMs: Math.round(b.cpuUs / 1000),
      tasks: b.tasks,
    }))
    .sort((a, b) => b.busyMs - a.busyMs)
    .slice(0, TOP_N);
}
