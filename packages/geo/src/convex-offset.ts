// The offset outline of a convex polygon in a plane, at distance d: each edge moved out by d, and
// an arc of radius d around each vertex between its two edges' normals. Nothing can cross, so
// there is nothing to merge: displayRing's fast path for the common campus (a convex outline),
// twice as fast as Clipper2's general offset, which ends with a union. Every vertex is exactly d
// from the polygon; arc chords sag at most tolM.
//
//        ╭───────────╮      arc around each vertex, from the normal of the edge before
//        │  ┌─────┐  │      to the normal of the edge after (anticlockwise)
//        │  └─────┘  │
//        ╰───────────╯

type XY = [number, number];

/** A full turn, and how far the sum of turns may miss it (a convex outline turns once). */
const FULL_TURN_RAD = 2 * Math.PI;
const TURN_EPSILON_RAD = 1e-9;

/** The outline's vertices anticlockwise without repeats, or null when it is not convex. */
export function convexOutline(ring: readonly XY[]): XY[] | null {
  const pts: XY[] = [];
  for (const p of ring) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  while (
    pts.length > 1 &&
    pts[0]![0] === pts[pts.length - 1]![0] &&
    pts[0]![1] === pts[pts.length - 1]![1]
  )
    pts.pop();
  if (pts.length < 3) return null;
  let twiceArea = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
    twiceArea += (pts[j]![0] - pts[i]![0]) * (pts[j]![1] + pts[i]![1]);
  if (twiceArea < 0) pts.reverse();
  // Every turn to the left, adding up to one full turn (a pentagram turns left twice around).
  let turned = 0;
  for (let i = 0; i < pts.length; i++) {
    const turn = turnAt(pts, i);
    if (turn < 0) return null;
    turned += turn;
  }
  return Math.abs(turned - FULL_TURN_RAD) < TURN_EPSILON_RAD ? pts : null;
}

/** The offset outline of a convex outline (from convexOutline), anticlockwise, not closed. */
export function convexOffset(pts: readonly XY[], distanceM: number, tolM: number): XY[] {
  // the largest angle an arc's chord may span and sag at most tolM
  const maxStepRad = 2 * Math.acos(Math.max(-1, 1 - tolM / distanceM));
  const out: XY[] = [];
  for (let i = 0; i < pts.length; i++) {
    const [x, y] = pts[i]!;
    const before = pts[(i + pts.length - 1) % pts.length]!;
    // outward normal of the edge before (anticlockwise polygon: the edge direction turned right)
    const from = Math.atan2(-(x - before[0]), y - before[1]);
    const sweep = turnAt(pts, i);
    const steps = Math.ceil(sweep / maxStepRad);
    for (let k = 0; k <= steps; k++) {
      const angle = from + (steps > 0 ? (sweep * k) / steps : 0);
      out.push([x + distanceM * Math.cos(angle), y + distanceM * Math.sin(angle)]);
    }
  }
  return out;
}

/** The left turn at vertex i, radians in (−π, π]. */
function turnAt(pts: readonly XY[], i: number): number {
  const a = pts[(i + pts.length - 1) % pts.length]!;
  const b = pts[i]!;
  const c = pts[(i + 1) % pts.length]!;
  const [ux, uy] = [b[0] - a[0], b[1] - a[1]];
  const [vx, vy] = [c[0] - b[0], c[1] - b[1]];
  return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}
