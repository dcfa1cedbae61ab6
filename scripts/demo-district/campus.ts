import type { XY } from './local.ts';
import { add, isConvex, left, lerp, scale, signedArea } from './planar.ts';
import type { Rng } from '../lib/rng.ts';

// A campus drawn beside a road: the front edge faces the road a few metres back, the main
// gate sits on the front edge, side and back gates on the other edges. Gates are inserted
// into the outline as vertices, so a gate lies exactly on the outline after rounding.
//
//      b0 ────────── b1        n ↑ (away from the road)
//      │   campus     │
//      f0 ───gate──── f1       d → (along the road)
//   ═══════════v═══════════ road

export interface GateDraft {
  kind: 'main' | 'side' | 'back';
  studentUse: boolean;
  at: XY;
}

export interface CampusDraft {
  /** Outer ring, counter-clockwise, gates included as vertices. */
  outer: XY[];
  /** Holes (clockwise), e.g. a private plot enclosed by the campus. */
  holes: XY[][];
  gates: GateDraft[];
}

export const SETBACK_M = 12;
const QUAD_SKEW = 0.15;
const GATE_T: [number, number] = [0.35, 0.65];
const HOLE_S: [number, number] = [0.62, 0.9];
const HOLE_R: [number, number] = [0.6, 0.88];

/** A rectangle or (convex) irregular quadrilateral at road vertex v, on side n of direction d. */
export function campusAt(
  v: XY,
  d: XY,
  side: 1 | -1,
  w: number,
  h: number,
  rng: Rng,
  opts: { quad: boolean; hole: boolean; extraGates: number; kindergarten: boolean },
): CampusDraft | null {
  const n = scale(left(d), side);
  const shift = rng.range(-0.15, 0.15) * w;
  const at = (s: number, r: number): XY =>
    add(add(v, scale(n, SETBACK_M + r * h)), scale(d, shift + (s - 0.5) * w));
  const f0 = at(0, 0);
  const f1 = at(1, 0);
  let b1 = at(1, 1);
  let b0 = at(0, 1);
  if (opts.quad) {
    b1 = add(
      b1,
      add(
        scale(d, rng.range(-QUAD_SKEW, QUAD_SKEW) * w),
        scale(n, rng.range(-QUAD_SKEW, QUAD_SKEW) * h),
      ),
    );
    b0 = add(
      b0,
      add(
        scale(d, rng.range(-QUAD_SKEW, QUAD_SKEW) * w),
        scale(n, rng.range(-QUAD_SKEW, QUAD_SKEW) * h),
      ),
    );
  }
  // Counter-clockwise with the front edge first: corners[0] → corners[1] is the front.
  let corners: XY[] = [f0, f1, b1, b0];
  if (signedArea(corners) < 0) corners = [f1, f0, b0, b1];
  if (!isConvex(corners)) return null;
  const gates: GateDraft[] = [
    { kind: 'main', studentUse: true, at: lerp(corners[0]!, corners[1]!, rng.range(...GATE_T)) },
  ];
  const gateEdges: (1 | 2 | 3)[] = rng.shuffle([1, 2, 3] as const).slice(0, opts.extraGates);
  const byEdge = new Map<number, GateDraft>();
  for (const e of gateEdges) {
    const kind = e === 2 ? 'back' : 'side';
    const gate: GateDraft = {
      kind,
      studentUse: kind === 'side' ? rng.chance(0.6) : rng.chance(opts.kindergarten ? 0.1 : 0.3),
      at: lerp(corners[e]!, corners[(e + 1) % 4]!, rng.range(...GATE_T)),
    };
    byEdge.set(e, gate);
    gates.push(gate);
  }
  const outer: XY[] = [];
  corners.forEach((c, e) => {
    outer.push(c);
    const gate = e === 0 ? gates[0]! : byEdge.get(e);
    if (gate) outer.push(gate.at);
  });
  const holes: XY[][] = [];
  if (opts.hole) {
    const s0 = HOLE_S[0] + rng.range(0, 0.05);
    const r0 = HOLE_R[0] + rng.range(0, 0.05);
    holes.push([at(s0, r0), at(s0, HOLE_R[1]), at(HOLE_S[1], HOLE_R[1]), at(HOLE_S[1], r0)]);
    if (signedArea(holes[0]!) > 0) holes[0]!.reverse();
  }
  return { outer, holes, gates };
}
