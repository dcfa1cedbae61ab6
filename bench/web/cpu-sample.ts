import { readdirSync, readFileSync } from 'node:fs';

// CPU time of the browser's processes, per thread, from /proc (Linux): what panning cost
// the machine, whatever else it was running. Wall-clock frame times on a shared 2-core
// machine swing with the other jobs; CPU seconds per frame barely do. SwiftShader (the
// software WebGL) rasterises in threads of the GPU process that a Chrome trace does not
// see, so this is where its cost shows.

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux
const TOP_N = 12;

export type CpuSample = Map<string, number>;
export type ThreadCpu = { thread: string; cpuMs: number };

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
}

/** `pid comm state ppid … utime stime …`: fields after the parenthesised comm. */
function parseStat(stat: string): { comm: string; ppid: number; ticks: number } {
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const rest = stat.slice(close + 2).split(' ');
  // rest[0] is state, rest[1] ppid, rest[11] utime, rest[12] stime
  return { comm, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

/** Chromium's process type (browser, renderer, gpu-process, …) from its command line. */
function processType(pid: number): string {
  const cmd = read(`/proc/${pid}/cmdline`) ?? '';
  return /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
}

/** CPU ms so far of every thread of rootPid's descendant processes, by process type/thread. */
export function sampleCpu(rootPid: number = process.pid): CpuSample {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (stat) parent.set(pid, parseStat(stat).ppid);
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === rootPid) return true;
    return false;
  };
  const out: CpuSample = new Map();
  for (const pid of parent.keys()) {
    if (!descends(pid)) continue;
    const type = processType(pid);
    if (!(read(`/proc/${pid}/comm`) ?? '').startsWith('chrom')) continue;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const { comm, ticks } = parseStat(stat);
      const key = `${type}/${comm.replace(/\d+$/, '')}`;
      out.set(key, (out.get(key) ?? 0) + (ticks * 1000) / CLOCK_TICKS_PER_S);
    }
  }
  return out;
}

/** CPU ms per thread between two samples, busiest first, with the total. */
export function cpuBetween(before: CpuSample, after: CpuSample): ThreadCpu[] {
  const rows = [...after]
    .map(([thread, ms]) => ({ thread, cpuMs: Math.round(ms - (before.get(thread) ?? 0)) }))
    .filter((r) => r.cpuMs > 0)
    .sort((a, b) => b.cpuMs - a.cpuMs);
  const total = rows.reduce((s, r) => s + r.cpuMs, 0);
  return [{ thread: 'total', cpuMs: total }, ...rows.slice(0, TOP_N)];
}
