import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = resolve(ROOT, 'apps/api/src/main.ts');
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

export interface RunningServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Start the real server (node --import tsx apps/api/src/main.ts) as a child process. */
export function spawnServer(env: Record<string, string>): {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let out = '';
  // tsx as a loader inside one node process: its CLI wrapper would relay signals to a
  // child and SIGKILL it when the child is slow to acknowledge (under load), which would
  // defeat the graceful shutdown this starts.
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => proc.on('exit', (code) => ok(code)));
  return { proc, output: () => out, exited };
}

export interface StartOptions {
  /** The path that answers 200 once the server is ready (default /api/health). */
  readyPath?: string;
  timeoutMs?: number;
}

/** Start the server and wait until `readyPath` answers. */
export async function startServer(
  env: Record<string, string>,
  { readyPath = '/api/health', timeoutMs = START_TIMEOUT_MS }: StartOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const { proc, output, exited } = spawnServer({ PORT: String(port), HOST: '127.0.0.1', ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  while (Date.now() < deadline) {
    if (code !== undefined)
      throw new Error(`server exited (${code}) before it answered:\n${output()}`);
    try {
      const res = await fetch(`${url}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  if (Date.now() >= deadline) {
    proc.kill('SIGKILL');
    throw new Error(`server did not answer within ${timeoutMs} ms:\n${output()}`);
  }
  return {
    url,
    proc,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode !== null) return proc.exitCode;
      proc.kill(signal);
      return exited;
    },
  };
}
