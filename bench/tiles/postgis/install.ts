import { spawn } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// Find PostgreSQL with PostGIS 3 from Debian's packages, or install them (root only):
// `postgresql` first when no server is there, then the postgis package for its version.

const PG_LIB_DIR = '/usr/lib/postgresql';
const PG_SHARE_DIR = '/usr/share/postgresql';

export interface Postgres {
  /** Major version, e.g. 15. */
  major: number;
  /** Holds initdb, pg_ctl, postgres. */
  binDir: string;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Installed server majors, newest first. */
async function installedMajors(): Promise<number[]> {
  const entries = await readdir(PG_LIB_DIR).catch(() => [] as string[]);
  const majors: number[] = [];
  for (const e of entries) {
    if (/^\d+$/.test(e) && (await exists(join(PG_LIB_DIR, e, 'bin/pg_ctl')))) majors.push(+e);
  }
  return majors.sort((a, b) => b - a);
}

const hasPostgis = (major: number) =>
  exists(join(PG_SHARE_DIR, String(major), 'extension/postgis.control'));

function run(cmd: string, args: string[], log: (line: string) => void): Promise<void> {
  log(`$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`)),
    );
  });
}

async function aptInstall(packages: string[], log: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `PostgreSQL with PostGIS 3 is missing: install it as root with ` +
        `apt-get install -y ${packages.join(' ')}`,
    );
  }
  await run('apt-get', ['update', '-qq'], log);
  await run('apt-get', ['install', '-y', '-qq', ...packages], log);
}

/** The newest PostgreSQL that has PostGIS; installs from Debian when allowed and missing. */
export async function findPostgres(
  install: boolean,
  log: (line: string) => void,
): Promise<Postgres> {
  let majors = await installedMajors();
  if (majors.length === 0) {
    if (!install) throw new Error(`no PostgreSQL under ${PG_LIB_DIR} (apt-get install postgresql)`);
    await aptInstall(['postgresql'], log);
    majors = await installedMajors();
  }
  for (const major of majors) {
    if (await hasPostgis(major)) return { major, binDir: join(PG_LIB_DIR, String(major), 'bin') };
  }
  const newest = majors[0];
  if (newest === undefined) throw new Error(`no PostgreSQL under ${PG_LIB_DIR} after install`);
  const pkg = `postgresql-${newest}-postgis-3`;
  if (!install)
    throw new Error(`PostGIS missing for PostgreSQL ${newest} (apt-get install ${pkg})`);
  await aptInstall([pkg], log);
  if (!(await hasPostgis(newest))) throw new Error(`${pkg} installed but postgis.control missing`);
  return { major: newest, binDir: join(PG_LIB_DIR, String(newest), 'bin') };
}
