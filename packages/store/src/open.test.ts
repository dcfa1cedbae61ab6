import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreOpenError } from './errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';
import { openStore } from './open.ts';
import { SAMPLES, school } from './sample-features.ts';
import { makeTempDir, seededRandom } from './test-helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.cleanup();
});

/** Run SQL on a database file directly, bypassing the store. */
async function rawRows(path: string, sql: string) {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowsJS();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** A real store file with some data, closed. */
async function makeStoreFile(name = 'atlas.duckdb'): Promise<string> {
  const path = join(temp.dir, name);
  const store = await openStore(path);
  await store.upsert('schools', SAMPLES.schools);
  await store.close();
  return path;
}

describe('opening a file', () => {
  it('creates a new file at the latest schema version', async () => {
    const store = await openStore(join(temp.dir, 'new.duckdb'));
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
  });

  it('applies migrations once: reopening keeps the data and records each migration once', async () => {
    const path = await makeStoreFile();
    for (let i = 0; i < 2; i++) {
      const store = await openStore(path, { create: false });
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.get('schools', school.id)).toStrictEqual(school);
      await store.close();
    }
    const applied = await rawRows(
      path,
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(applied).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('opens read-only: reads work, writes are refused', async () => {
    const path = await makeStoreFile();
    const store = await openStore(path, { readOnly: true });
    expect(await store.get('schools', school.id)).toStrictEqual(school);
    await expect(store.remove('schools', [school.id])).rejects.toThrow(/read-only/i);
    await store.close();
  });

  it('refuses a database whose schema is newer than this code', async () => {
    const path = await makeStoreFile();
    const future = LATEST_SCHEMA_VERSION + 1;
    await rawRows(
      path,
      `INSERT INTO schema_migrations (version, name) VALUES (${future}, 'future')`,
    );
    const opening = openStore(path);
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(/newer than this code/);
  });
});

describe('refusing what is not a whole DuckDB file', () => {
  async function expectOpenError(path: string, reason: RegExp, opts = {}) {
    const opening = openStore(path, opts);
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(path);
    await expect(opening).rejects.toThrow(reason);
  }

  it('names a missing file when create is false', async () => {
    await expectOpenError(join(temp.dir, 'missing.duckdb'), /no such file/, { create: false });
  });

  it('names an empty file', async () => {
    const path = join(temp.dir, 'empty.duckdb');
    writeFileSync(path, '');
    await expectOpenError(path, /empty file/);
  });

  it('names a text file and random bytes as not DuckDB', async () => {
    const text = join(temp.dir, 'notes.duckdb');
    writeFileSync(text, '学校名单\nschool,lng,lat\n');
    await expectOpenError(text, /not a DuckDB database/);
    const random = seededRandom(7);
    const noise = join(temp.dir, 'noise.duckdb');
    writeFileSync(
      noise,
      Uint8Array.from({ length: 16_384 }, () => Math.floor(random() * 256)),
    );
    await expectOpenError(noise, /not a DuckDB database/);
  });

  it('names a directory', async () => {
    const dir = join(temp.dir, 'folder.duckdb');
    mkdirSync(dir);
    await expectOpenError(dir, /not a regular file/);
  });

  it('names a store file cut in half as truncated', async () => {
    const path = await makeStoreFile();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectOpenError(path, /truncated/);
  });

  it('names a store file missing only its last byte as truncated, though DuckDB opens it', async () => {
    // After a second session the last block holds data DuckDB reads lazily, so only the
    // size check at open can tell.
    const path = await makeStoreFile();
    const store = await openStore(path);
    await store.remove('schools', [school.id]);
    await store.upsert('stores', SAMPLES.stores);
    await store.close();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 1));
    // Either our size check or DuckDB's own read of the last block names it first.
    await expectOpenError(path, /truncated/);
  });

  it('names a store file whose headers are corrupt', async () => {
    const path = await makeStoreFile();
    const bytes = readFileSync(path);
    const databaseHeadersStartBytes = 4096;
    const blocksStartBytes = 3 * 4096;
    bytes.fill(0x55, databaseHeadersStartBytes, blocksStartBytes);
    writeFileSync(path, bytes);
    await expectOpenError(path, /corrupt/i);
  });
});
