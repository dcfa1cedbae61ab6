import { spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Postgres } from './install.ts';

// A throwaway PostgreSQL cluster on loopback: initdb into a data directory (kept by the
// caller as a cache), pg_ctl start/stop with the socket and log in a temp dir. PostgreSQL
// refuses to run as root, so as root every server command runs as the `postgres` OS user.

export const HOST = '127.0.0.1';
export const SUPERUSER = 'postgres';
const OS_USER = 'postgres';

/**
 * Server settings: memory sized so the three layers stay in shared buffers; durability off
 * (the cluster is a rebuildable cache); JIT off, as tile servers run it: compiling the
 * plan of a big low-zoom tile costs more than it saves.
 */
export const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: HOST,
  max_connections: '40',
  shared_buffers: '512MB',
  effective_cache_size: '2GB',
  work_mem: '64MB',
  maintenance_work_mem: '512MB',
  max_wal_size: '4GB',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  jit: 'off',
};

interface RunAs {
  uid: number;
  gid: number;
}

/** As root: the postgres user's ids, from /etc/passwd. Otherwise: run as ourselves. */
async function runAs(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const passwd = await readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith(`${OS_USER}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(`running as root, but no '${OS_USER}' OS user to run PostgreSQL as`);
  }
  return { uid: +uid, gid: +gid };
}

async function own(path: string, as: RunAs | null): Promise<void> {
  if (as) await chown(path, as.uid, as.gid);
}

function exec(cmd: string, args: string[], as: RunAs | null, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', HOME: cwd },
      ...(as ?? {}),
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${stderr.trim()}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh, empty cluster in dataDir (anything there before is removed). */
export async function initCluster(pg: Postgres, dataDir: string): Promise<void> {
  const as = await runAs();
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await own(dataDir, as);
  const args = ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C'];
  await exec(join(pg.binDir, 'initdb'), args, as, tmpdir());
}

export interface Cluster {
  port: number;
  /** Stop and start again: empty shared buffers, new backends (the OS page cache stays). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Start the server in dataDir on a free loopback port; socket and log in a temp dir. */
export async function startCluster(pg: Postgres, dataDir: string): Promise<Cluster> {
  const as = await runAs();
  const work = await mkdtemp(join(tmpdir(), 'atlas-postgis-'));
  await own(work, as);
  const port = await freePort();
  const settings = Object.entries({ ...SERVER_SETTINGS, port: String(port) })
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const pgCtl = join(pg.binDir, 'pg_ctl');
  const logFile = join(work, 'server.log');
  const start = () =>
    exec(
      pgCtl,
      ['-D', dataDir, '-l', logFile, '-w', '-o', `${settings} -k ${work}`, 'start'],
      as,
      work,
    );
  const stopServer = () => exec(pgCtl, ['-D', dataDir, '-w', '-m', 'fast', 'stop'], as, work);
  // A server left running on this data dir by an interrupted run: stop it first.
  const leftRunning = await exec(pgCtl, ['-D', dataDir, 'status'], as, work).then(
    () => true,
    () => false,
  );
  if (leftRunning) await stopServer();
  await start();
  let running = true;
  const onSignal = () => void stopServer().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  return {
    port,
    async restart() {
      await stopServer();
      await start();
    },
    async stop() {
      if (!running) return;
      running = false;
      process.off('SIGINT', onSignal);
      await stopServer();
      await rm(work, { recursive: true, force: true });
    },
  };
}
