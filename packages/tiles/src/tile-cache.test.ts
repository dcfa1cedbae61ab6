import { describe, expect, it } from 'vitest';
import type { WorldBox } from './mercator.ts';
import { TileCache } from './tile-cache.ts';
import { tileWorldBox, type TileCoord } from './tile-coord.ts';
import { seededRandom } from './test-features.ts';

const BUFFER = 64 / 4096;
const body = new Uint8Array(100) as Uint8Array<ArrayBuffer>;

function fill(cache: TileCache, tiles: TileCoord[]) {
  for (const tile of tiles) cache.set({ tile, body, etag: '"x"' });
}

function meets(a: WorldBox, b: WorldBox) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Tiles of every zoom 0–16 around one place, as a map would have cached them. */
function around(x: number, y: number, span: number): TileCoord[] {
  const out: TileCoord[] = [];
  for (let z = 0; z <= 16; z++) {
    const n = 2 ** z;
    const [cx, cy] = [Math.floor(x * n), Math.floor(y * n)];
    for (let dx = -span; dx <= span; dx++) {
      for (let dy = -span; dy <= span; dy++) {
        const t = { z, x: cx + dx, y: cy + dy };
        if (t.x >= 0 && t.y >= 0 && t.x < n && t.y < n) out.push(t);
      }
    }
  }
  return out;
}

describe('TileCache', () => {
  const tiles = around(0.81, 0.42, 2);
  const random = seededRandom(3);
  const boxes = (n: number): WorldBox[] =>
    Array.from({ length: n }, () => {
      const [x, y] = [0.81 + (random() - 0.5) * 1e-4, 0.42 + (random() - 0.5) * 1e-4];
      const size = random() * 1e-5;
      return [x, y, x + size, y + size];
    });

  it.each([
    ['a few extents', 3],
    ['many extents (an import)', 500],
  ])('evicts exactly the tiles whose buffered box meets a changed extent: %s', (_, n) => {
    const cache = new TileCache(1e9, BUFFER);
    fill(cache, tiles);
    const changed = boxes(n);
    const evicted = cache.invalidate(changed);
    const hit = (t: TileCoord) => changed.some((b) => meets(tileWorldBox(t, BUFFER), b));
    expect(evicted).toBe(tiles.filter(hit).length);
    expect(evicted).toBeGreaterThan(0);
    for (const t of tiles) expect(cache.has(t)).toBe(!hit(t));
  });

  it.each([
    ['a few extents', 3],
    ['many extents (an import)', 500],
  ])('leaves tiles below each extent’s first zoom alone: %s', (_, n) => {
    const cache = new TileCache(1e9, BUFFER);
    fill(cache, tiles);
    const changed = boxes(n);
    const fromZooms = changed.map((_, i) => 10 + (i % 4));
    cache.invalidate(changed, fromZooms);
    const hit = (t: TileCoord) =>
      changed.some((b, i) => t.z >= fromZooms[i]! && meets(tileWorldBox(t, BUFFER), b));
    expect(tiles.some((t) => t.z < 10 && !cache.has(t))).toBe(false);
    for (const t of tiles) expect(cache.has(t)).toBe(!hit(t));
  });

  it('evicts a tile whose buffer alone meets the change', () => {
    const cache = new TileCache(1e9, BUFFER);
    const tile = { z: 10, x: 500, y: 300 };
    fill(cache, [tile]);
    const [, , maxX, maxY] = tileWorldBox(tile);
    const justOutside: WorldBox = [maxX + 1e-9, maxY - 1e-6, maxX + 2e-9, maxY - 1e-6];
    expect(cache.invalidate([justOutside])).toBe(1);
  });

  it('drops the least recently used tiles beyond its byte budget', () => {
    const cache = new TileCache(3 * (100 + 200), BUFFER);
    const [a, b, c, d] = [0, 1, 2, 3].map((x) => ({ z: 5, x, y: 0 }));
    fill(cache, [a!, b!, c!]);
    cache.get(a!);
    fill(cache, [d!]);
    expect([a, b, c, d].map((t) => cache.has(t!))).toEqual([true, false, true, true]);
  });

  it('refuses a budget that is not a positive number', () => {
    expect(() => new TileCache(0, BUFFER)).toThrow('positive');
  });
});
