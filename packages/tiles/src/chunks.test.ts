import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { CHUNK_VERTICES, chunkBoxesOf, chunkCount } from './chunks.ts';
import { areal, line } from './convert.ts';
import { latToY, lngToX } from './mercator.ts';
import type { ShapeRecord } from './records.ts';
import { sqToleranceAt } from './simplify.ts';
import { TILE_DEFAULTS } from './tile-options.ts';
import type { TileFrame } from './to-tile.ts';
import { partsInTile, seededRandom } from './test-features.ts';

// Skipping the runs of a long shape that lie beyond one side of the tile must not change
// what the tile draws: the same parts, vertex for vertex, as walking every vertex.

const CENTRE: Position = [111.3, 30.8];
const random = seededRandom(11);

/** A wobbly closed ring of n vertices around the centre, radius ≈ radiusDeg. */
function wobblyRing(n: number, radiusDeg: number): Position[] {
  const ring: Position[] = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const r = radiusDeg * (1 + 0.2 * Math.sin(7 * a) + 0.02 * random());
    return [CENTRE[0] + r * Math.cos(a), CENTRE[1] + r * Math.sin(a)];
  });
  return [...ring, ring[0]!];
}

const meander: Position[] = Array.from({ length: 900 }, (_, i) => [
  CENTRE[0] - 0.3 + i * 0.0007,
  CENTRE[1] + 0.05 * Math.sin(i / 40) + 0.001 * random(),
]);

function frameAt(lng: number, lat: number, z: number): TileFrame {
  const n = 2 ** z;
  const tile = { z, x: Math.floor(lngToX(lng) * n), y: Math.floor(latToY(lat) * n) };
  const { extent, bufferUnits, toleranceUnits } = TILE_DEFAULTS;
  const sqTolerance = sqToleranceAt(z, extent, toleranceUnits);
  return { tile, extent, buffer: bufferUnits, sqTolerance };
}

describe('chunk boxes', () => {
  it('box every run of a ring together with the first vertex of the next run', () => {
    const record = line('l', meander, {}, 0);
    const boxes = chunkBoxesOf(record.coords, record.ringStarts);
    expect(boxes.length).toBe(chunkCount(meander.length) * 4);
    for (let c = 0; c < chunkCount(meander.length); c++) {
      const last = Math.min((c + 1) * CHUNK_VERTICES, meander.length - 1);
      for (let v = c * CHUNK_VERTICES; v <= last; v++) {
        const [x, y] = [record.coords[2 * v]!, record.coords[2 * v + 1]!];
        expect(x >= boxes[4 * c]! && x <= boxes[4 * c + 2]!).toBe(true);
        expect(y >= boxes[4 * c + 1]! && y <= boxes[4 * c + 3]!).toBe(true);
      }
    }
  });

  it('leave every clipped tile of a long line and a holed polygon exactly as walking every vertex', () => {
    const shapes: ShapeRecord[] = [
      line('river', meander, {}, 0),
      areal(
        'lake',
        { type: 'Polygon', coordinates: [wobblyRing(700, 0.08), wobblyRing(300, 0.02).reverse()] },
        {},
        0,
      ),
    ];
    let clipped = 0;
    for (const record of shapes) {
      expect(record.chunkBoxes).not.toBeNull();
      const plain: ShapeRecord = { ...record, chunkBoxes: null };
      for (const z of [9, 11, 12, 13]) {
        for (let i = 0; i < 12; i++) {
          const lng = CENTRE[0] + (random() - 0.5) * 0.5;
          const lat = CENTRE[1] + (random() - 0.5) * 0.2;
          const frame = frameAt(lng, lat, z);
          const fast = partsInTile(record, frame);
          expect(fast).toEqual(partsInTile(plain, frame));
          if (fast.parts.length > 0) clipped++;
        }
      }
    }
    expect(clipped).toBeGreaterThan(20);
  });
});
