import type { Position } from '@atlas/model';
import { insideProvince, offsetM } from './extent.ts';
import type { Rng } from '../lib/rng.ts';

// Shapes valid by construction, built in a local metre plane around an origin:
//
//   rectangle: 4 corners rotated by θ, counter-clockwise, closed (campus outlines)
//   blob:      radius r·(1±wobble) at increasing angles → star-shaped, so simple (ponds,
//              threat zones), and it contains its centre
//   walk:      a heading that drifts by ±turn per step; a step that would leave the
//              province turns back instead (rivers, bus routes, pipelines)

/** Close a ring by repeating its first position (a copy, equal by value). */
function closed(ring: Position[]): Position[] {
  const first = ring[0]!;
  return [...ring, [first[0], first[1]]];
}

/** Local metres (x east, y north) rotated by angleRad. */
function rotate(x: number, y: number, angleRad: number): [number, number] {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return [x * c - y * s, x * s + y * c];
}

/** Corners of a rectangle widthM × heightM centred at (cxM, cyM) of the local plane. */
export function rectangleCorners(
  centre: Position,
  widthM: number,
  heightM: number,
  angleRad: number,
  cxM = 0,
  cyM = 0,
): Position[] {
  const half: [number, number][] = [
    [-widthM / 2, -heightM / 2],
    [widthM / 2, -heightM / 2],
    [widthM / 2, heightM / 2],
    [-widthM / 2, heightM / 2],
  ];
  return half.map(([x, y]) => {
    const [rx, ry] = rotate(x + cxM, y + cyM, angleRad);
    return offsetM(centre, rx, ry);
  });
}

export function rectangleRing(corners: Position[]): Position[] {
  return closed(corners);
}

/** A star-shaped ring of `vertices` points around centre, radius radiusM·(1 ± wobble). */
export function blobRing(
  rng: Rng,
  centre: Position,
  radiusM: number,
  vertices: number,
  wobble = 0.3,
): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices;
    const r = radiusM * (1 + rng.range(-wobble, wobble));
    ring.push(offsetM(centre, r * Math.cos(angle), r * Math.sin(angle)));
  }
  return closed(ring);
}

const EIGHTH_TURNS = 8;

/** A wandering line of `vertices` points from start, stepM apart, turning up to ±turnRad. */
export function walkLine(
  rng: Rng,
  start: Position,
  vertices: number,
  stepM: number,
  turnRad: number,
): Position[] {
  const line: Position[] = [start];
  let heading = rng.range(0, 2 * Math.PI);
  let at = start;
  while (line.length < vertices) {
    heading += rng.range(-turnRad, turnRad);
    let next = offsetM(at, stepM * Math.cos(heading), stepM * Math.sin(heading));
    // Leaving the province: turn back, then an eighth of a turn at a time, until inside.
    for (let turn = 0; !insideProvince(next); turn++) {
      if (turn === EIGHTH_TURNS) throw new Error(`walkLine: no step of ${stepM} m stays inside`);
      heading += turn === 0 ? Math.PI : Math.PI / 4;
      next = offsetM(at, stepM * Math.cos(heading), stepM * Math.sin(heading));
    }
    line.push(next);
    at = next;
  }
  return line;
}

/** A line from a to b through `vertices` points, each inner one pushed sideways ±jitterM. */
export function jitteredLine(
  rng: Rng,
  a: Position,
  b: Position,
  vertices: number,
  jitterM: number,
): Position[] {
  const line: Position[] = [a];
  for (let k = 1; k < vertices - 1; k++) {
    const t = k / (vertices - 1);
    const p: Position = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    const q = offsetM(p, rng.range(-jitterM, jitterM), rng.range(-jitterM, jitterM));
    line.push(insideProvince(q) ? q : offsetM(p, 0, 0));
  }
  line.push(b);
  return line;
}
