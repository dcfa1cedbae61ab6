// Clip: cut lines and polygon rings to a tile's box grown by the buffer, one axis at a
// time (as geojson-vt's clip.js). Coordinates are flat [x0, y0, x1, y1, …] in tile units.
//
//   k1          k2        a line crossing the slab k1 ≤ axis ≤ k2 is cut where it
//    |  ____    |         leaves and re-enters, giving several parts; a ring is cut
//  __|_/    \___|__       the same way but kept as one closed ring (Sutherland–Hodgman)
//    |          |

type Flat = number[];

function intersect(
  out: Flat,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  k: number,
  axis: 0 | 1,
) {
  if (axis === 0) {
    const t = (k - ax) / (bx - ax);
    out.push(k, ay + (by - ay) * t);
  } else {
    const t = (k - ay) / (by - ay);
    out.push(ax + (bx - ax) * t, k);
  }
}

/** Keep the parts of one line or ring within k1 ≤ coordinate[axis] ≤ k2. */
function clipAxis(geom: Flat, k1: number, k2: number, axis: 0 | 1, polygon: boolean): Flat[] {
  const parts: Flat[] = [];
  let slice: Flat = [];
  for (let i = 0; i < geom.length - 2; i += 2) {
    const ax = geom[i]!;
    const ay = geom[i + 1]!;
    const bx = geom[i + 2]!;
    const by = geom[i + 3]!;
    const a = axis === 0 ? ax : ay;
    const b = axis === 0 ? bx : by;
    let exited = false;
    if (a < k1) {
      if (b > k1) intersect(slice, ax, ay, bx, by, k1, axis); // ---|-->  |
    } else if (a > k2) {
      if (b < k2) intersect(slice, ax, ay, bx, by, k2, axis); // |  <--|---
    } else {
      slice.push(ax, ay);
    }
    if (b < k1 && a >= k1) {
      intersect(slice, ax, ay, bx, by, k1, axis); // <--|---  |
      exited = true;
    }
    if (b > k2 && a <= k2) {
      intersect(slice, ax, ay, bx, by, k2, axis); // |  ---|-->
      exited = true;
    }
    if (!polygon && exited) {
      parts.push(slice);
      slice = [];
    }
  }
  const last = geom.length - 2;
  const lastA = geom[last + axis]!;
  if (geom.length >= 2 && lastA >= k1 && lastA <= k2) slice.push(geom[last]!, geom[last + 1]!);
  const end = slice.length - 2;
  if (polygon && end >= 2 && (slice[end] !== slice[0] || slice[end + 1] !== slice[1])) {
    slice.push(slice[0]!, slice[1]!);
  }
  if (slice.length > 0) parts.push(slice);
  return parts;
}

/** The parts of a line inside [min, max]² (a line may leave and come back: several parts). */
export function clipLine(line: Flat, min: number, max: number): Flat[] {
  return clipAxis(line, min, max, 0, false).flatMap((part) => clipAxis(part, min, max, 1, false));
}

/** A closed ring cut to [min, max]²: a closed ring, or null when nothing is left. */
export function clipRing(ring: Flat, min: number, max: number): Flat | null {
  const byX = clipAxis(ring, min, max, 0, true)[0];
  if (!byX) return null;
  return clipAxis(byX, min, max, 1, true)[0] ?? null;
}
