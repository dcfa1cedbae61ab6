import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { openPmtiles } from './basemap-pmtiles.ts';
import { unusableBasemap } from './basemap-source.ts';
import type { BasemapFile } from './basemap-source.ts';

// A bureau's own offline basemap: one PMTiles v3 or MBTiles file on this machine
// (ATLAS_BASEMAP). Its first bytes say which; the matching adapter reads it from then on.

export type { BasemapFile, BasemapInfo, BasemapKind, BasemapTile } from './basemap-source.ts';

const PMTILES_MAGIC = 'PMTiles';
const SQLITE_MAGIC = 'SQLite format 3\0';
const EITHER = 'PMTiles or MBTiles';

async function magicOf(handle: FileHandle): Promise<string> {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead).toString('latin1');
}

/** Opens and checks the file; throws an Error naming the path and the reason. */
export async function openBasemapFile(path: string): Promise<BasemapFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new Error(`ATLAS_BASEMAP "${path}" cannot be opened: ${(err as Error).message}`);
  }
  let keepOpen = false;
  try {
    const magic = await magicOf(handle);
    if (magic.length === 0) throw unusableBasemap(path, EITHER, 'the file is empty');
    if (magic.startsWith(PMTILES_MAGIC)) {
      const file = await openPmtiles(handle, path);
      keepOpen = true;
      return file;
    }
    if (magic === SQLITE_MAGIC) {
      // SQLite opens the file itself; the MBTiles engine is loaded only for such a file.
      const { openMbtiles } = await import('./basemap-mbtiles.ts');
      return await openMbtiles(path);
    }
    throw unusableBasemap(
      path,
      EITHER,
      'it starts with neither the PMTiles nor the SQLite (MBTiles) magic bytes',
    );
  } finally {
    if (!keepOpen) await handle.close();
  }
}
