import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full garbage collection, asked for once the tile source has loaded. Loading a
// province (1 M stores, 30 k schools …) leaves ≈ 400 MB of dead batches and outgrown
// arrays in the old heap, and V8 keeps them until heap pressure makes it collect, which
// an idle server may not feel for a long time. bench:tiles on the audited province: RSS
// after load 1.26–1.31 GB with this collection, 1.43–1.62 GB without it. It collects
// twice: the pages the first frees are swept behind it and only released by the next (the
// audited province with its rings, RSS: 1,347 MB loaded, 1,347 after one, 1,228 after two,
// ≈ 0.3 s each).

let collect: (() => void) | null = null;

export function collectGarbageNow(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  collect();
}
