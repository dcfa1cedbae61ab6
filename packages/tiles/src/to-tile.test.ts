import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { line } from './convert.ts';
import { latToY, lngToX } from './mercator.ts';
import { sqToleranceAt } from './simplify.ts';
import { partsInTile, seededRandom } from './test-features.ts';
import { TILE_DEFAULTS } from './tile-options.ts';
import { SEGMENT, segmentInside, type TileFrame } from './to-tile.ts';

// The two-vertex fast path (every violation line) must draw what the general path draws:
// the same rounded ends, nothing for a line that rounds to a point, and it must hand every
// line it cannot draw unclipped back to the general path.

const random = seededRandom(5);
const { extent, bufferUnits, toleranceUnits } = TILE_DEFAULTS;
const Z = 14;
const tile = { z: Z, x: Math.floor(lngToX(111.3) * 2 ** Z), y: Math.floor(latToY(30.8) * 2 ** Z) };
const frame: TileFrame = {
  tile,
  extent,
  buffer: bufferUnits,
  sqTolerance: sqToleranceAt(Z, extent, toleranceUnits),
};

/** The lng/lat of a point at tile units (u, v) of the frame's tile. */
function at(u: number, v: number): Position {
  const n = 2 ** Z * extent;
  const x = (tile.x * extent + u) / n;
  const y = (tile.y * extent + v) / n;
  return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}

/** A tile-unit coordinate from well outside the buffer to well past the far side. */
const anywhere = () => -600 + random() * (extent + 1200);

describe('segmentInside', () => {
  it('draws a two-vertex line exactly as shapeInTile, or hands it back when it needs clipping', () => {
    const ends = new Int32Array(4);
    const seen = { drawn: 0, empty: 0, needsClipping: 0 };
    for (let i = 0; i < 3000; i++) {
      const a: [number, number] = [anywhere(), anywhere()];
      // A third of the lines are shorter than a unit: they may round to one point.
      const b: [number, number] =
        i % 3 === 0 ? [a[0] + random() - 0.5, a[1] + random() - 0.5] : [anywhere(), anywhere()];
      const record = line(`l${i}`, [at(...a), at(...b)], {}, 0);
      const general = partsInTile(record, frame);
      const result = segmentInside(record, frame, ends);
      if (result === SEGMENT.drawn) {
        seen.drawn++;
        // -0 (Math.round of a small negative) and 0 encode alike.
        expect(general.parts.map((part) => part.map((v) => v + 0))).toEqual([[...ends]]);
      } else if (result === SEGMENT.empty) {
        seen.empty++;
        expect(general.parts).toEqual([]);
      } else {
        seen.needsClipping++;
        const inside = (u: number) => u >= -bufferUnits && u <= extent + bufferUnits;
        expect(inside(a[0]) && inside(a[1]) && inside(b[0]) && inside(b[1])).toBe(false);
      }
    }
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
  });

  it('leaves lines of more than two vertices to shapeInTile', () => {
    const record = line('bent', [at(10, 10), at(200, 300), at(400, 20)], {}, 0);
    expect(segmentInside(record, frame, new Int32Array(4))).toBe(SEGMENT.needsClipping);
  });
});
