import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type AtlasStore } from '@atlas/store';
import { runImport, type RunOptions } from './pipeline.ts';
import type { ImportOptions } from './options.ts';

// Test support: a real DuckDB file in a temp directory, fixtures by name, files from text.

export const FIXTURES = join(import.meta.dirname, '../fixtures');
export const IMPORTED_AT = '2026-11-23T08:00:00+08:00';

export async function tempStore() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const store: AtlasStore = await openStore(join(dir, 'test.duckdb'));
  return {
    store,
    dir,
    /** Write a file into the temp directory; returns its path. */
    file(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    run(
      path: string,
      options: ImportOptions,
      mode: RunOptions['mode'] = 'commit',
      extra: Partial<RunOptions> = {},
    ) {
      return runImport(store, path, options, { mode, importedAt: IMPORTED_AT, ...extra });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fixture = (name: string) => join(FIXTURES, name);
