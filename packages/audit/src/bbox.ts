import type { Areal, Position } from '@atlas/model';

// [west, south, east, north] boxes of positions, written into a flat array at an offset so
// that 30,000 campuses cost one Float64Array, not 30,000 small arrays.

export type Boxes = Float64Array | number[];

export const EMPTY_BOX = [Infinity, Infinity, -Infinity, -Infinity] as const;

export function extendBox(box: Boxes, at: number, p: Position): void {
  if (p[0] < box[at]!) box[at] = p[0];
  if (p[1] < box[at + 1]!) box[at + 1] = p[1];
  if (p[0] > box[at + 2]!) box[at + 2] = p[0];
  if (p[1] > box[at + 3]!) box[at + 3] = p[1];
}

export function resetBox(box: Boxes, at: number): void {
  for (let k = 0; k < 4; k++) box[at + k] = EMPTY_BOX[k]!;
}

export function isEmptyBox(box: Boxes, at: number): boolean {
  return !(box[at]! <= box[at + 2]!);
}

/** Every ring of every part of an areal geometry. */
export function arealRings(area: Areal): Position[][] {
  return area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
}

export function boxOfPositions(points: readonly Position[]): number[] {
  const box = [...EMPTY_BOX];
  for (const p of points) extendBox(box, 0, p);
  return box;
}

/** The outer ring of every part: they bound the holes. */
export function outerRings(area: Areal): Position[][] {
  return area.type === 'Polygon' ? [area.coordinates[0]!] : area.coordinates.map((p) => p[0]!);
}

export function boxOfAreal(area: Areal): number[] {
  const box = [...EMPTY_BOX];
  for (const ring of outerRings(area)) for (const p of ring) extendBox(box, 0, p);
  return box;
}
