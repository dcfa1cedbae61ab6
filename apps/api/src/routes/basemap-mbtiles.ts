import type { Database as SqliteDatabase } from 'node-sqlite3-wasm';
import { TILE_CONTENT_TYPES, UnusableBasemap, unusableBasemap } from './basemap-source.ts';
import type { BasemapFile, BasemapTile } from './basemap-source.ts';
import { describeMbtiles, isGzip, MBTILES } from './basemap-mbtiles-metadata.ts';

// The MBTiles adapter: the file is an SQLite database (tables `metadata` and `tiles`, or a
// `tiles` view over `map` + `images`), read through node-sqlite3-wasm, SQLite compiled to
// WebAssembly with a VFS over node:fs: it reads the pages a query needs from disk (positional
// reads), never the whole file, and needs no native addon. Its calls are synchronous; one
// tile is a few page reads of an indexed lookup.
//
// MBTiles rows count from the south (TMS): tile_row = 2^z − 1 − y for the XYZ y we serve.
// Vector tiles are usually stored gzip-compressed; they are handed on as stored, marked.

const TILE_SQL =
  'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?';
const OBJECTS_SQL = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')";

type Row = Record<string, unknown>;

/** The SQLite engine, loaded on first use: a server without an MBTiles basemap never loads it. */
async function sqliteDatabase(): Promise<typeof SqliteDatabase> {
  const sqlite = await import('node-sqlite3-wasm');
  return sqlite.default.Database;
}

function readMetadata(db: SqliteDatabase, hasTable: boolean): Record<string, string> {
  if (!hasTable) return {};
  const rows = db.all('SELECT name, value FROM metadata') as Row[];
  const out: Record<string, string> = {};
  for (const { name, value } of rows) {
    if (typeof name === 'string' && value !== null && value !== undefined)
      out[name] = String(value);
  }
  return out;
}

function bytesOf(row: Row | null): Uint8Array<ArrayBuffer> | null {
  const data = row?.tile_data;
  return data instanceof Uint8Array ? new Uint8Array(data) : null;
}

/** Opens and checks the database; throws an Error naming the path and the reason. */
export async function openMbtiles(path: string): Promise<BasemapFile> {
  const invalid = (reason: string) => unusableBasemap(path, MBTILES, reason);
  const Database = await sqliteDatabase();
  let db: SqliteDatabase;
  try {
    db = new Database(path, { readOnly: true });
  } catch (err) {
    throw invalid(`SQLite cannot open it: ${(err as Error).message}`);
  }
  try {
    const objects = new Set(
      (db.all(OBJECTS_SQL) as Row[]).map((r) => String(r.name).toLowerCase()),
    );
    if (!objects.has('tiles')) throw invalid('it has no `tiles` table or view');
    const first = bytesOf(db.get('SELECT tile_data FROM tiles LIMIT 1') as Row | null);
    if (!first) throw invalid('its `tiles` table holds no tiles');
    const { format, info } = describeMbtiles({
      path,
      metadata: readMetadata(db, objects.has('metadata')),
      firstTile: first,
      zoomRange: () => {
        const r = db.get('SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles') as Row;
        return [Number(r.lo), Number(r.hi)];
      },
    });
    const byTile = db.prepare(TILE_SQL);
    const open = db;
    return {
      path,
      format: 'mbtiles',
      kind: format === 'mvt' ? 'vector' : 'raster',
      contentType: TILE_CONTENT_TYPES[format],
      info,
      tile: async (z, x, y): Promise<BasemapTile | null> => {
        const data = bytesOf(byTile.get([z, x, 2 ** z - 1 - y]) as Row | null);
        if (!data || data.length === 0) return null;
        return { data, encoding: format === 'mvt' && isGzip(data) ? 'gzip' : null };
      },
      close: async () => {
        byTile.finalize();
        open.close();
      },
    };
  } catch (err) {
    db.close();
    if (err instanceof UnusableBasemap) throw err;
    throw invalid(`SQLite: ${(err as Error).message}`);
  }
}
