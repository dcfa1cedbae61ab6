import type { TileSource } from '@atlas/tiles';
import { collectGarbageNow } from './reclaim-memory.ts';

// The tile source's start-up, as the server runs it (and bench:tiles after it): wait for
// the layers, the latest audit run and every school's rings, collecting garbage after each
// step so that the next one never adds its own on top: the layers' before the run's
// findings are read, theirs before the rings are computed, the rings' before the first map
// asks for tiles. The first collection sets the start-up's peak: on the audited synthetic
// province, high-water RSS 1,304 / 1,308 MB with it, 1,504 / 1,555 MB without (four loads
// taking turns), where V8 had left ≈ 300 MB of the layers' garbage for the findings to
// grow on.

/** Points of the load a caller may look at (bench:tiles reads RSS there). */
export interface LoadMarks {
  /** The layers are loaded and the latest run is drawn (before its garbage is collected). */
  drawn?: () => void;
  /** Every ring is computed (before its garbage is collected). */
  rings?: () => void;
}

export async function loadTiles(tiles: TileSource, marks: LoadMarks = {}): Promise<void> {
  await tiles.ready;
  collectGarbageNow();
  await tiles.auditReady;
  marks.drawn?.();
  collectGarbageNow();
  await tiles.ringsReady;
  marks.rings?.();
  collectGarbageNow();
}
