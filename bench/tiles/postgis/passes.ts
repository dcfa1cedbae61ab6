import type { TileCoord } from '@atlas/tiles';
import type { Cluster } from './cluster.ts';
import { formatRun, MIXED_MIN_ZOOM, runReport, type PostgisRun } from './report.ts';
import { openPool, timePass } from './timing.ts';

// The passes of one reference run. For each concurrency and each list: restart the server
// (cold: empty shared buffers, new backends, statements not yet prepared), a pass, then the
// same list again (warm). Two lists: the whole given list, and its z10–16 part alone, the
// list the PostGIS figures (135 and 242 tiles/s) were measured on: below z10 PostGIS
// tiles of the province reach tens of MB, and in one list they would swamp the rest.

export interface TileLists {
  all: readonly TileCoord[];
  'z10-16'?: readonly TileCoord[];
}

export function tileLists(tiles: readonly TileCoord[]): TileLists {
  const mixed = tiles.filter((t) => t.z >= MIXED_MIN_ZOOM);
  return mixed.length > 0 && mixed.length < tiles.length
    ? { all: tiles, 'z10-16': mixed }
    : { all: tiles };
}

export async function measurePasses(
  cluster: Cluster,
  lists: TileLists,
  concurrencies: readonly number[],
  log: (line: string) => void,
): Promise<{ runs: PostgisRun[]; bytesOfAll: number[] }> {
  const runs: PostgisRun[] = [];
  let bytesOfAll: number[] = [];
  for (const concurrency of concurrencies) {
    for (const [list, tiles] of Object.entries(lists) as [string, readonly TileCoord[]][]) {
      await cluster.restart();
      const pool = await openPool(cluster.port, concurrency);
      try {
        for (const cold of [true, false]) {
          const pass = await timePass(pool, tiles, concurrency);
          if (list === 'all') bytesOfAll = pass.bytes;
          const run = runReport(list, tiles, pass, concurrency, cold);
          runs.push(run);
          log(formatRun(run));
        }
      } finally {
        await pool.end();
      }
    }
  }
  return { runs, bytesOfAll };
}
