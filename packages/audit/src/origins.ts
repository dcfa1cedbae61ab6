import type { Origin } from '@atlas/rules';
import type { Position } from '@atlas/model';
import type { AuditSchool as School } from './input.ts';
import { boxOfAreal, boxOfPositions } from './bbox.ts';
import type { OriginGeometry } from './measure.ts';

// What each origin of a rule means for one school, or why the school cannot support it.
// For straight-line distances `nearest_gate` and `every_gate` coincide (the nearest gate is
// the one that gives the shortest line), so they share one geometry: all the gates.

export const ORIGIN_SLOTS = {
  campus_outline: 0,
  nearest_gate: 1,
  every_gate: 1,
  main_gate: 2,
  school_point: 3,
} as const;
export const ORIGIN_SLOT_COUNT = 4;
export type OriginSlot = (typeof ORIGIN_SLOTS)[Origin];

export interface SchoolOrigins {
  /** Geometry per slot, null where the school lacks it. */
  geometry: (OriginGeometry | null)[];
  /** [w, s, e, n] per slot (NaN where missing), 4 numbers per slot. */
  boxes: Float64Array;
  /** [w, s, e, n] over every slot present: what the spatial index holds. */
  footprint: Float64Array;
}

export const MISSING_ORIGIN_REASON: Record<Origin, string> = {
  campus_outline:
    'no campus outline (校园边界): rules measured from the wall or site edge cannot be decided',
  nearest_gate: 'no gates (校门) recorded: rules measured from a gate cannot be decided',
  every_gate: 'no gates (校门) recorded: rules measured from a gate cannot be decided',
  main_gate: 'no main gate (正门) recorded: rules measured from the main gate cannot be decided',
  school_point: 'no school point: rules measured from the school point cannot be decided',
};

export function schoolOrigins(school: School): SchoolOrigins {
  const gates = school.properties.gates.map((g) => g.position);
  const mainGates = school.properties.gates.filter((g) => g.kind === 'main').map((g) => g.position);
  const campus = school.properties.campus;
  const point: Position | null = school.geometry?.coordinates ?? null;
  const geometry: (OriginGeometry | null)[] = [
    campus ? { kind: 'areal', areal: campus } : null,
    gates.length ? { kind: 'points', points: gates } : null,
    mainGates.length ? { kind: 'points', points: mainGates } : null,
    point ? { kind: 'points', points: [point] } : null,
  ];
  const boxes = new Float64Array(ORIGIN_SLOT_COUNT * 4).fill(NaN);
  const footprint = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
  geometry.forEach((g, slot) => {
    if (!g) return;
    const box = g.kind === 'areal' ? boxOfAreal(g.areal) : boxOfPositions(g.points);
    boxes.set(box, slot * 4);
    footprint[0] = Math.min(footprint[0]!, box[0]!);
    footprint[1] = Math.min(footprint[1]!, box[1]!);
    footprint[2] = Math.max(footprint[2]!, box[2]!);
    footprint[3] = Math.max(footprint[3]!, box[3]!);
  });
  return { geometry, boxes, footprint };
}
