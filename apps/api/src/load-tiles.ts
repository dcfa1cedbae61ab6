import type { TileSource } from '@atlas/tiles';
import { collectGarbageNow } from './reclaim-memory.ts';

// The tile source's start-up, as the server runs it (and bench:tiles after it): wait for
// the layers, the latest audit run and every school's rings, collecting the garbage of the
// load before the rings add theirs, and the rings' before the first map asks for tiles.

/** Points of the load a caller may look at (bench:tiles reads RSS there). */
export interface LoadMarks {
  /** The layers are loaded and the latest run is drawn (before its garbage is collected). */
  drawn?: () => void;
  /** Every ring is computed (before its garbage is collected). */
  rings?: () => void;
}

export async function loadTiles(tiles: TileSource, marks: LoadMarks = {}): Promise<void> {
  await tiles.ready;
  await tiles.auditReady;
  marks.drawn?.();
  collectGarbageNow();
  await tiles.ringsReady;
  marks.rings?.();
  collectGarbageNow();
}
