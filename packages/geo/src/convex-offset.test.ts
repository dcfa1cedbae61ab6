import { describe, expect, it } from 'vitest';
import { convexOffset, convexOutline } from './convex-offset.ts';

type XY = [number, number];
const closed = (pts: XY[]): XY[] => [...pts, pts[0]!];
/** Distance from p to the square [0, 100]²: the offset curve's level. */
const toSquare = ([x, y]: XY) => Math.hypot(Math.max(0, -x, x - 100), Math.max(0, -y, y - 100));

describe('convexOutline', () => {
  it('turns a clockwise square anticlockwise and drops the closing and repeated vertices', () => {
    const cw = closed([
      [0, 0],
      [0, 100],
      [0, 100],
      [100, 100],
      [100, 0],
    ]);
    expect(convexOutline(cw)).toEqual([
      [100, 0],
      [100, 100],
      [0, 100],
      [0, 0],
    ]);
  });

  it('refuses a concave L and a pentagram (every turn left, but twice around)', () => {
    const l: XY[] = [
      [0, 0],
      [200, 0],
      [200, 100],
      [100, 100],
      [100, 200],
      [0, 200],
    ];
    const star: XY[] = [0, 2, 4, 1, 3].map((k) => [
      Math.cos((2 * Math.PI * k) / 5),
      Math.sin((2 * Math.PI * k) / 5),
    ]);
    expect(convexOutline(closed(l))).toBeNull();
    expect(convexOutline(closed(star))).toBeNull();
  });
});

describe('convexOffset', () => {
  it('puts every vertex at the distance and sags no chord more than the tolerance', () => {
    const square = convexOutline(
      closed([
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ]),
    )!;
    const ring = convexOffset(square, 30, 0.5);
    for (const v of ring) expect(Math.abs(toSquare(v) - 30)).toBeLessThan(1e-9);
    for (let i = 0; i < ring.length; i++) {
      const [a, b] = [ring[i]!, ring[(i + 1) % ring.length]!];
      const mid = toSquare([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
      expect(mid).toBeGreaterThan(30 - 0.5);
    }
    // four quarter arcs of 30 m at 0.5 m: 2·acos(1 − 0.5/30) ≈ 0.365 rad a chord → 5 chords each
    expect(ring).toHaveLength(4 * 6);
  });
});
