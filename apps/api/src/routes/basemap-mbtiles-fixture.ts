import sqlite from 'node-sqlite3-wasm';
import type { FixtureTile } from './basemap-fixture.ts';

// Test support: writes tiny MBTiles 1.3 files (SQLite) the way tools do: a `metadata` table of
// name/value text and either a plain `tiles` table or the deduplicating layout, a `tiles` view
// over `map` + `images`. Tiles are given in XYZ and stored in TMS rows (y flipped).

export type MbtilesLayout = 'tiles' | 'map-images';

export interface MbtilesFixture {
  metadata: Record<string, string>;
  tiles: FixtureTile[];
  layout?: MbtilesLayout;
}

const SCHEMA: Record<MbtilesLayout, string> = {
  tiles: `CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
            tile_data BLOB);
          CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`,
  'map-images': `CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
            tile_id TEXT);
          CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
          CREATE TABLE images (tile_id TEXT PRIMARY KEY, tile_data BLOB);
          CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level,
            map.tile_column AS tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data
            FROM map JOIN images ON images.tile_id = map.tile_id;`,
};

/** A throwaway file needs no crash safety: no journal, no fsync (keeps the tests fast). */
const FAST_WRITES = 'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;';

/** Writes an MBTiles file at `path` (which must not exist yet). */
export function writeMbtiles(path: string, fixture: MbtilesFixture): void {
  const layout = fixture.layout ?? 'tiles';
  const db = new sqlite.Database(path);
  try {
    db.exec(FAST_WRITES);
    db.exec(`CREATE TABLE metadata (name TEXT, value TEXT); ${SCHEMA[layout]}`);
    for (const [name, value] of Object.entries(fixture.metadata))
      db.run('INSERT INTO metadata VALUES (?, ?)', [name, value]);
    fixture.tiles.forEach(({ z, x, y, bytes }, i) => {
      const row = 2 ** z - 1 - y;
      if (layout === 'tiles') {
        db.run('INSERT INTO tiles VALUES (?, ?, ?, ?)', [z, x, row, bytes]);
        return;
      }
      db.run('INSERT INTO images VALUES (?, ?)', [`t${i}`, bytes]);
      db.run('INSERT INTO map VALUES (?, ?, ?, ?)', [z, x, row, `t${i}`]);
    });
  } finally {
    db.close();
  }
}

/** Writes an SQLite database at `path` with just the given SQL (for broken fixtures). */
export function writeSqlite(path: string, sql: string): void {
  const db = new sqlite.Database(path);
  try {
    db.exec(FAST_WRITES);
    db.exec(sql);
  } finally {
    db.close();
  }
}
