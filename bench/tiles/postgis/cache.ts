import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The loaded cluster is kept under bench/data/postgis/ and reused while the province file
// (size and mtime), the PostgreSQL major and this loader's version are the ones it was
// loaded from. The stamp is written only after a whole load, so a cut-short load reloads.

/** Bump when the tables, their columns or the load steps change. */
export const LOAD_VERSION = 1;
const STAMP_FILE = 'stamp.json';

export interface CacheStamp {
  loadVersion: number;
  postgresMajor: number;
  province: { path: string; bytes: number; mtimeMs: number };
  rows: Record<string, number>;
  loadMs: number;
}

export const clusterDir = (cacheDir: string, postgresMajor: number) =>
  join(cacheDir, `pg${postgresMajor}`);

export async function provinceIdentity(provinceDb: string): Promise<CacheStamp['province']> {
  const info = await stat(provinceDb);
  return { path: provinceDb, bytes: info.size, mtimeMs: info.mtimeMs };
}

/** The stamp when the cache holds this province for this PostgreSQL, else null. */
export async function validStamp(
  cacheDir: string,
  provinceDb: string,
  postgresMajor: number,
): Promise<CacheStamp | null> {
  let stamp: CacheStamp;
  try {
    stamp = JSON.parse(await readFile(join(cacheDir, STAMP_FILE), 'utf8')) as CacheStamp;
    await stat(join(clusterDir(cacheDir, postgresMajor), 'PG_VERSION'));
  } catch {
    return null;
  }
  const now = await provinceIdentity(provinceDb);
  const same =
    stamp.loadVersion === LOAD_VERSION &&
    stamp.postgresMajor === postgresMajor &&
    stamp.province?.bytes === now.bytes &&
    stamp.province.mtimeMs === now.mtimeMs;
  return same ? stamp : null;
}

export const removeStamp = (cacheDir: string) => rm(join(cacheDir, STAMP_FILE), { force: true });

export const writeStamp = (cacheDir: string, stamp: CacheStamp) =>
  writeFile(join(cacheDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`, 'utf8');
