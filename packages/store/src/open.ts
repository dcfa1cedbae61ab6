import { open, stat } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { StoreOpenError } from './errors.ts';
import { migrate } from './migrate.ts';
import { RootSession } from './sessions.ts';
import { dropStaleStaging } from './staging.ts';
import { AtlasStore } from './store.ts';

// Open (or create) a store: check the file is a whole DuckDB database, then migrate.

const IN_MEMORY = ':memory:';
/** A DuckDB file starts with a 4096-byte main header holding "DUCK" at byte 8 … */
const MAGIC = 'DUCK';
const MAGIC_OFFSET_BYTES = 8;
/** … followed by two 4096-byte database headers, then the blocks. */
const HEADERS_BYTES = 3 * 4096;

// Nothing may be downloaded at run time: no extension auto-install or auto-load.
const OFFLINE_CONFIG = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new StoreOpenError(path, 'not a regular file');
    return info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function assertDuckDBMagic(path: string, size: number): Promise<void> {
  if (size === 0) throw new StoreOpenError(path, 'empty file, not a DuckDB database');
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC_OFFSET_BYTES + MAGIC.length);
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(MAGIC_OFFSET_BYTES).toString('latin1') !== MAGIC) {
      throw new StoreOpenError(path, 'not a DuckDB database file (no DUCK signature)');
    }
  } finally {
    await handle.close();
  }
}

/** DuckDB reads blocks lazily, so a cut-short file would only fail on some later query. */
async function assertNotTruncated(c: DuckDBConnection, path: string, size: number) {
  const reader = await c.runAndReadAll(
    'SELECT block_size, total_blocks FROM pragma_database_size() WHERE database_name = current_database()',
  );
  const [blockBytes, blocks] = (reader.getRowsJS()[0] ?? []).map(Number);
  const expectedBytes = HEADERS_BYTES + (blockBytes ?? 0) * (blocks ?? 0);
  if (size < expectedBytes) {
    throw new StoreOpenError(path, `truncated: ${size} bytes, its header says ${expectedBytes}`);
  }
}

/** DuckDB's own words, with a plain reason in front where we recognise the failure. */
function reasonFrom(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/could not read enough bytes/i.test(message)) return `truncated file (${message})`;
  if (/checksum/i.test(message)) return `corrupt file (${message})`;
  return message;
}

export interface OpenOptions {
  /** Create the file when missing (default true). */
  create?: boolean;
  readOnly?: boolean;
  /**
   * Most memory DuckDB may use, in MiB (its buffer pool caches table blocks and a big
   * write's uncommitted rows; beyond this it evicts or spills to disk). Default: DuckDB's
   * own, 80% of RAM.
   */
  memoryLimitMiB?: number;
}

export async function openStore(path: string, opts: OpenOptions = {}): Promise<AtlasStore> {
  const { create = true, readOnly = false } = opts;
  const size = path === IN_MEMORY ? null : await fileSize(path);
  if (path !== IN_MEMORY && size === null && (!create || readOnly)) {
    throw new StoreOpenError(path, `no such file (${readOnly ? 'readOnly' : 'create: false'})`);
  }
  if (size !== null) await assertDuckDBMagic(path, size);

  let instance: DuckDBInstance;
  try {
    const config: Record<string, string> = { ...OFFLINE_CONFIG };
    if (readOnly) config.access_mode = 'READ_ONLY';
    if (opts.memoryLimitMiB !== undefined) {
      if (!Number.isSafeInteger(opts.memoryLimitMiB) || opts.memoryLimitMiB < 1)
        throw new RangeError(`memoryLimitMiB ${opts.memoryLimitMiB}: expected a positive integer`);
      config.memory_limit = `${opts.memoryLimitMiB}MiB`;
    }
    instance = await DuckDBInstance.create(path, config);
  } catch (error) {
    throw new StoreOpenError(path, reasonFrom(error), { cause: error });
  }
  try {
    const c = await instance.connect();
    try {
      if (size !== null) await assertNotTruncated(c, path, size);
      await migrate(c, readOnly);
      // An import killed mid-way left its staging table; the layers never saw it.
      if (!readOnly) await dropStaleStaging(c);
    } finally {
      c.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(path, reasonFrom(error), { cause: error });
  }
  const session = new RootSession(instance);
  return new AtlasStore(path, session, session);
}
