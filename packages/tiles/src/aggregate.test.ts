import { describe, expect, it } from 'vitest';
import { CellPyramid } from './aggregate.ts';
import { seededRandom } from './test-features.ts';

const tileOf = (x: number, y: number, z: number) => ({
  z,
  x: Math.floor(x * 2 ** z),
  y: Math.floor(y * 2 ** z),
});

describe('CellPyramid', () => {
  it('counts in each tile exactly the points inside it, per group, after adds and removes', () => {
    const random = seededRandom(3);
    const pyramid = new CellPyramid(8, 2);
    const points = Array.from({ length: 2_000 }, () => ({
      x: 0.5 + random() * 0.01,
      y: 0.5 + random() * 0.01,
      groups: Math.floor(random() * 4),
    }));
    for (const p of points) pyramid.add(p.x, p.y, p.groups);
    const removed = points.splice(0, 700);
    for (const p of removed) pyramid.remove(p.x, p.y, p.groups);
    for (const z of [0, 4, 7]) {
      const t = tileOf(points[0]!.x, points[0]!.y, z);
      const inside = points.filter((p) => {
        const o = tileOf(p.x, p.y, z);
        return o.x === t.x && o.y === t.y;
      });
      const cells = pyramid.tileCells(t);
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(inside.length);
      expect(cells.reduce((n, c) => n + c.groups[1]!, 0)).toBe(
        inside.filter((p) => p.groups & 2).length,
      );
      for (const c of cells) expect(tileOf(c.x, c.y, z)).toEqual(t); // mean stays in its tile
    }
  });

  it('counts a point only in the zooms it was added for', () => {
    const pyramid = new CellPyramid(10, 0);
    pyramid.add(0.3, 0.3, 0, 2, 6);
    expect(pyramid.tileCells(tileOf(0.3, 0.3, 1))).toEqual([]);
    expect(pyramid.tileCells(tileOf(0.3, 0.3, 2))).toHaveLength(1);
    expect(pyramid.tileCells(tileOf(0.3, 0.3, 5))).toHaveLength(1);
    expect(pyramid.tileCells(tileOf(0.3, 0.3, 6))).toEqual([]);
  });

  it('refuses to remove a point from an empty cell', () => {
    expect(() => new CellPyramid(4, 0).remove(0.1, 0.1, 0)).toThrow('empty cell');
  });
});
