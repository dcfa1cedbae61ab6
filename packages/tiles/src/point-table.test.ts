import { describe, expect, it } from 'vitest';
import type { WorldBox } from './mercator.ts';
import { PointTable } from './point-table.ts';
import type { PointRecord } from './records.ts';
import { seededRandom } from './test-features.ts';

const point = (id: string, x: number, y: number, name = id): PointRecord => ({
  kind: 'point',
  id,
  fid: x,
  minZoom: 0,
  props: { id, name },
  x,
  y,
  groups: 1,
});

function found(table: PointTable, box: WorldBox): string[] {
  const ids: string[] = [];
  table.search(box, (slot) => ids.push(table.ids[slot]!));
  return ids.sort();
}

describe('PointTable', () => {
  it('finds what brute force finds through loads, replacements, removals and compactions', () => {
    const random = seededRandom(5);
    const table = new PointTable(['id', 'name']);
    const truth = new Map<string, PointRecord>();
    const put = (r: PointRecord) => (table.put(r), truth.set(r.id, r));
    table.beginLoad();
    // More than the initial capacity, so that the columns grow and are trimmed.
    for (let i = 0; i < 3_000; i++) put(point(`p${i}`, random(), random()));
    table.endLoad();
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 2_500; i++) {
        const id = `p${Math.floor(random() * 4_000)}`;
        if (random() < 0.3) {
          table.delete(id);
          truth.delete(id);
        } else {
          put(point(id, random(), random(), `n${round}`));
        }
      }
      const [x, y] = [random() * 0.8, random() * 0.8];
      const box: WorldBox = [x, y, x + 0.2, y + 0.2];
      const expected = [...truth.values()]
        .filter((r) => r.x >= box[0] && r.x <= box[2] && r.y >= box[1] && r.y <= box[3])
        .map((r) => r.id)
        .sort();
      expect(found(table, box)).toEqual(expected);
      expect(table.size).toBe(truth.size);
    }
    for (const r of truth.values()) expect(table.get(r.id)).toEqual(r);
  });

  it('returns the removed point, and nothing for an unknown id', () => {
    const table = new PointTable(['id', 'name']);
    table.put(point('a', 0.25, 0.5));
    expect(table.delete('a')).toMatchObject({ id: 'a', x: 0.25, y: 0.5, props: { name: 'a' } });
    expect(table.delete('a')).toBeNull();
    expect(found(table, [0, 0, 1, 1])).toEqual([]);
  });
});
