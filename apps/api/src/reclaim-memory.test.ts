import { describe, expect, it } from 'vitest';
import { collectGarbageNow } from './reclaim-memory.ts';

const MB = 2 ** 20;

/** Heap used while ≈ 30 MB of doubles are live; nothing holds them once it returns. */
function heapWhileHolding(): number {
  const garbage = Array.from({ length: 200 }, () => new Array<number>(20_000).fill(1.5));
  return garbage.length > 0 ? process.memoryUsage().heapUsed : 0;
}

describe('collectGarbageNow', () => {
  it('frees what nothing holds any more, at once and again on a second call', () => {
    for (let round = 0; round < 2; round++) {
      const held = heapWhileHolding();
      collectGarbageNow();
      expect(held - process.memoryUsage().heapUsed).toBeGreaterThan(20 * MB);
    }
  });
});
