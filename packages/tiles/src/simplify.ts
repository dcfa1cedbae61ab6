// Douglas–Peucker importance, computed once per geometry (as geojson-vt does): each
// vertex gets the squared distance for which the algorithm kept it, the ends of a ring or
// part get Infinity. A zoom then keeps the vertices whose importance exceeds its squared
// tolerance, with no per-tile simplification work.
//
//        * k (importance = d²)
//       /|\
//      / |d\
//  a *---+--* b     a, b: ends of the span; k: farthest vertex from a–b

function segmentSqDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  let dx = bx - ax;
  let dy = by - ay;
  let x = ax;
  let y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Fill importance[first..last] for the vertices of coords (x, y pairs) first..last. */
export function markImportance(
  coords: Float64Array,
  first: number,
  last: number,
  importance: Float64Array,
): void {
  importance[first] = Infinity;
  importance[last] = Infinity;
  const stack: number[] = [first, last];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    let maxSq = -1;
    let index = -1;
    const ax = coords[2 * a]!;
    const ay = coords[2 * a + 1]!;
    const bx = coords[2 * b]!;
    const by = coords[2 * b + 1]!;
    for (let i = a + 1; i < b; i++) {
      const d = segmentSqDistance(coords[2 * i]!, coords[2 * i + 1]!, ax, ay, bx, by);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index < 0) continue;
    importance[index] = maxSq;
    stack.push(a, index, index, b);
  }
}

/** Squared world tolerance at zoom z: toleranceUnits of a tile of extent units. */
export function sqToleranceAt(z: number, extent: number, toleranceUnits: number): number {
  const t = toleranceUnits / (2 ** z * extent);
  return t * t;
}
