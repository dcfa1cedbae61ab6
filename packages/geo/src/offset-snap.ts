// Puts a vertex of a planar offset outline back on the exact offset curve {p : dist(p, outlines) = d}.
// Clipper2 places arc vertices on their circles (to its integer rounding), but where two zones
// meet — the mouth of a U closing, two parts merging — it cuts one arc's chord with another's, and
// that crossing sits up to the arc tolerance inside both. Such a vertex is moved to where the two
// curves really cross: Newton's method on dist(p, A) = d and dist(p, B) = d, A and B the two
// nearest features on different curves (quadratic: three steps reach micrometres). Any other vertex is moved
// along the direction away from its nearest feature onto the curve.
//
//     A's arc  ╲   ╱  B's arc          × chord crossing (inside both arcs)
//               ╲●╱                    ● true crossing: dist to A = dist to B = d
//                ×

/** Segments of the outlines in the plane, metres: ax, ay, bx, by for each, in one array. */
export type PlaneSegments = Float64Array;

/** A vertex this far inside its nearest feature's curve is a crossing of two zones. */
const CROSSING_DEPTH_M = 5e-3;
/** Newton steps: each squares the error (0.5 m → 10 mm → µm). */
const MAX_STEPS = 4;
const CONVERGED_M = 1e-7;
/** Curves crossing at a smaller angle (|sin| of ≈ 1°) are taken as one: a step along the nearest. */
const MIN_CROSSING_SIN = 0.02;

interface Foot {
  distanceM: number;
  x: number;
  y: number;
}

/**
 * The nearest point of all segments to (px, py). Given a unit direction `across`, only points
 * seen from p in a direction at least MIN_CROSSING_SIN away from it count: another curve's feature,
 * not the same point or a neighbour continuing the same curve.
 */
function nearest(
  segs: PlaneSegments,
  px: number,
  py: number,
  across: [number, number] | null,
): Foot {
  const best: Foot = { distanceM: Infinity, x: 0, y: 0 };
  for (let i = 0; i < segs.length; i += 4) {
    const ax = segs[i]!;
    const ay = segs[i + 1]!;
    const dx = segs[i + 2]! - ax;
    const dy = segs[i + 3]! - ay;
    const lengthSq = dx * dx + dy * dy;
    const t =
      lengthSq > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSq)) : 0;
    const x = ax + t * dx;
    const y = ay + t * dy;
    const distanceM = Math.sqrt((px - x) * (px - x) + (py - y) * (py - y)); // not Math.hypot: slow in V8
    if (distanceM >= best.distanceM) continue;
    if (
      across &&
      Math.abs(across[0] * (py - y) - across[1] * (px - x)) < MIN_CROSSING_SIN * distanceM
    )
      continue;
    best.distanceM = distanceM;
    best.x = x;
    best.y = y;
  }
  return best;
}

export function snapToOffset(
  segs: PlaneSegments,
  distanceM: number,
  px: number,
  py: number,
): [number, number] {
  let x = px;
  let y = py;
  for (let step = 0; step < MAX_STEPS; step++) {
    const a = nearest(segs, x, y, null);
    if (!(a.distanceM > 0)) break; // on the outline itself: no direction to move in
    const ax = (x - a.x) / a.distanceM;
    const ay = (y - a.y) / a.distanceM;
    const ra = distanceM - a.distanceM;
    // On one curve (to Clipper's rounding): one step along the normal lands on it exactly.
    if (step === 0 && ra <= CROSSING_DEPTH_M) return [x + ra * ax, y + ra * ay];
    let dx = ra * ax;
    let dy = ra * ay;
    const b = nearest(segs, x, y, [ax, ay]);
    if (b.distanceM > 0 && b.distanceM < Infinity) {
      // Solve [â; b̂]·δ = [ra; rb]: the step to where both curves pass, to first order.
      const bx = (x - b.x) / b.distanceM;
      const by = (y - b.y) / b.distanceM;
      const rb = distanceM - b.distanceM;
      const sin = ax * by - ay * bx;
      dx = (ra * by - rb * ay) / sin;
      dy = (ax * rb - bx * ra) / sin;
    }
    x += dx;
    y += dy;
    if (Math.hypot(dx, dy) < CONVERGED_M) break;
  }
  return [x, y];
}
