// The parts of one shape in a tile (the parts of a line, or the rings of a polygon) in
// integer tile units: scratch that to-tile.ts fills and encode.ts writes, shape after
// shape. Refilled by index and never emptied with `length = 0`, which makes V8 drop an
// array's storage. A dense z14 tile simplifies or clips ≈ 600 shapes (rings, roads,
// routes, water, campuses): an array per ring and two arrays and an object per shape were
// a good part of its garbage.
//
//   coords  x y x y x y x y | x y x y x y …      part i = coords[start(i) … ends[i])
//           part 0          ^ ends[0]

export class TileParts {
  /** x, y of every vertex, part after part: coords[0 … size). */
  readonly coords: number[] = [];
  size = 0;
  /** Where each part ends in coords. */
  readonly ends: number[] = [];
  /** Per part: an outer ring (lines and holes: false). */
  readonly outer: boolean[] = [];
  /** Parts kept so far. */
  count = 0;

  clear(): void {
    this.size = 0;
    this.count = 0;
  }

  /** Where part i starts in coords (i = count: the part being added). */
  start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  push(x: number, y: number): void {
    this.coords[this.size++] = x;
    this.coords[this.size++] = y;
  }

  /** Keep the vertices pushed since the last part as a part. */
  endPart(outer: boolean): void {
    this.ends[this.count] = this.size;
    this.outer[this.count] = outer;
    this.count++;
  }

  /** Forget the vertices pushed since the last part. */
  dropPart(): void {
    this.size = this.start(this.count);
  }
}

/**
 * Twice the signed area of the closed ring coords[start … end) by the surveyor's formula
 * (positive = clockwise with y down).
 */
export function ringArea2(coords: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i + 3 < end; i += 2) {
    sum += coords[i]! * coords[i + 3]! - coords[i + 2]! * coords[i + 1]!;
  }
  return sum;
}
