import { describe, expect, it } from 'vitest';
import { LayerIndex } from './layer-index.ts';
import type { WorldBox } from './mercator.ts';
import type { PointRecord } from './records.ts';
import { seededRandom } from './test-features.ts';

const point = (id: string, x: number, y: number): PointRecord => ({
  kind: 'point',
  id,
  fid: 0,
  minZoom: 0,
  props: {},
  x,
  y,
  groups: 0,
});

function found(index: LayerIndex, box: WorldBox, z?: number): string[] {
  const ids: string[] = [];
  index.search(box, (r) => ids.push(r.id), z);
  return ids.sort();
}

describe('LayerIndex', () => {
  it('finds what brute force finds through loads, replacements, removals and compactions', () => {
    const random = seededRandom(11);
    const index = new LayerIndex();
    const truth = new Map<string, PointRecord>();
    const put = (r: PointRecord) => (index.put(r), truth.set(r.id, r));
    index.beginLoad();
    for (let i = 0; i < 2_000; i++) put(point(`p${i}`, random(), random()));
    index.endLoad();
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 1_500; i++) {
        const id = `p${Math.floor(random() * 3_000)}`;
        if (random() < 0.3) {
          index.delete(id);
          truth.delete(id);
        } else {
          put(point(id, random(), random()));
        }
      }
      const [x, y] = [random() * 0.8, random() * 0.8];
      const box: WorldBox = [x, y, x + 0.2, y + 0.2];
      const expected = [...truth.values()]
        .filter((r) => r.x >= box[0] && r.x <= box[2] && r.y >= box[1] && r.y <= box[3])
        .map((r) => r.id)
        .sort();
      expect(found(index, box)).toEqual(expected);
      expect(index.size).toBe(truth.size);
    }
  });

  it('replaces a record with the same id instead of keeping both', () => {
    const index = new LayerIndex();
    index.put(point('a', 0.1, 0.1));
    index.put(point('a', 0.9, 0.9));
    expect(found(index, [0, 0, 1, 1])).toEqual(['a']);
    expect(index.get('a')).toMatchObject({ x: 0.9 });
  });

  it('returns a record only at zooms from the one it was put with', () => {
    const index = new LayerIndex();
    index.beginLoad();
    index.put(point('early', 0.2, 0.2), 3);
    index.put(point('late', 0.3, 0.3), 9);
    index.endLoad();
    index.put(point('edit', 0.4, 0.4), 9); // in the recent tree
    expect(found(index, [0, 0, 1, 1], 2)).toEqual([]);
    expect(found(index, [0, 0, 1, 1], 8)).toEqual(['early']);
    expect(found(index, [0, 0, 1, 1], 9)).toEqual(['early', 'edit', 'late']);
  });
});
