import type { Origin } from '@atlas/rules';
import type { Position } from '@atlas/model';
import type { AuditSchool as School } from './input.ts';
import { extendBox, outerRings, resetBox } from './bbox.ts';
import type { OriginGeometry } from './measure.ts';
import { ShapeTable } from './plane-shapes.ts';

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

export const MISSING_ORIGIN_REASON: Record<Origin, string> = {
  campus_outline:
    'no campus outline (校园边界): rules measured from the wall or site edge cannot be decided',
  nearest_gate: 'no gates (校门) recorded: rules measured from a gate cannot be decided',
  every_gate: 'no gates (校门) recorded: rules measured from a gate cannot be decided',
  main_gate: 'no main gate (正门) recorded: rules measured from the main gate cannot be decided',
  school_point: 'no school point: rules measured from the school point cannot be decided',
};

/** A school's origin geometries per slot (null where it lacks one). */
export function originGeometries(school: School): (OriginGeometry | null)[] {
  return [0, 1, 2, 3].map((slot) => originGeometry(school, slot));
}

export function originGeometry(school: School, slot: number): OriginGeometry | null {
  const { campus, gates } = school.properties;
  switch (slot) {
    case ORIGIN_SLOTS.campus_outline:
      return campus ? { kind: 'areal', areal: campus } : null;
    case ORIGIN_SLOTS.every_gate:
      return gates.length ? { kind: 'points', points: gates.map((g) => g.position) } : null;
    case ORIGIN_SLOTS.main_gate: {
      const main = gates.filter((g) => g.kind === 'main').map((g) => g.position);
      return main.length ? { kind: 'points', points: main } : null;
    }
    default: {
      const point: Position | null = school.geometry?.coordinates ?? null;
      return point ? { kind: 'points', points: [point] } : null;
    }
  }
}

const BOX = 4;
const SCHOOL_BOXES = ORIGIN_SLOT_COUNT * BOX;

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * What the audit needs of every school's origins, flat: which slots it has, a [w, s, e, n] box
 * per slot and its footprint (over all slots: what the R-tree holds), and — made on first use —
 * each origin prepared for plane bounds (a ShapeTable id) and as geometry for exact measures.
 * A handful of typed arrays for 30,000 schools instead of a dozen small objects per school.
 */
export class OriginTable {
  readonly shapes = new ShapeTable();
  /** Per school: bit s set when slot s has a geometry. */
  slots = new Uint8Array(0);
  /** Per school, 4 boxes of 4 numbers (NaN where a slot is missing): at i·16 + slot·4. */
  boxes = new Float64Array(0);
  /** Per school [w, s, e, n] over every slot present (empty: w > e). */
  footprints = new Float64Array(0);
  private shapeIds = new Int32Array(0);
  private geometries: ((OriginGeometry | null)[] | undefined)[] = [];

  constructor(private readonly schools: readonly School[]) {
    this.reserve(schools.length);
    this.shapeIds.fill(-1);
    this.boxes.fill(NaN);
    for (let i = 0; i < schools.length; i++) this.fill(i, schools[i]!);
    // room for every school's outline, gates and point up front: growing typed arrays by
    // doubling allocates off-heap memory that V8 answers with full collections
    let [rings, vertices] = [0, 0];
    for (let i = 0; i < schools.length; i++) {
      const p = schools[i]!.properties;
      const parts = !p.campus
        ? []
        : p.campus.type === 'Polygon'
          ? [p.campus.coordinates]
          : p.campus.coordinates;
      for (const part of parts)
        for (const ring of part) [rings, vertices] = [rings + 1, vertices + ring.length];
      [rings, vertices] = [rings + 3, vertices + 2 * p.gates.length + 1];
    }
    this.shapes.reserve(schools.length * ORIGIN_SLOT_COUNT, rings + 1, vertices);
  }

  /** Re-read school i (a new i extends the table); `schools[i]` must already be the new one. */
  set(i: number, school: School): void {
    this.reserve(i + 1);
    this.geometries[i] = undefined;
    this.shapeIds.fill(-1, i * ORIGIN_SLOT_COUNT, (i + 1) * ORIGIN_SLOT_COUNT);
    this.boxes.fill(NaN, i * SCHOOL_BOXES, (i + 1) * SCHOOL_BOXES);
    this.fill(i, school);
  }

  /** Box offset of slot `slot` of school i in `boxes`. */
  static boxAt(i: number, slot: number): number {
    return i * SCHOOL_BOXES + slot * BOX;
  }

  geometry(i: number, slot: number): OriginGeometry | null {
    return (this.geometries[i] ??= originGeometries(this.schools[i]!))[slot]!;
  }

  /** The ShapeTable id of a slot the school has. */
  shapeOf(i: number, slot: number): number {
    const at = i * ORIGIN_SLOT_COUNT + slot;
    if (this.shapeIds[at]! < 0) {
      const g = this.geometries[i]?.[slot] ?? originGeometry(this.schools[i]!, slot);
      if (!g) throw new Error(`school ${i} has no origin in slot ${slot}`);
      this.shapeIds[at] = this.shapes.add(g);
    }
    return this.shapeIds[at]!;
  }

  private reserve(count: number): void {
    this.slots = grown(this.slots, count);
    this.boxes = grown(this.boxes, count * SCHOOL_BOXES);
    this.footprints = grown(this.footprints, count * BOX);
    this.shapeIds = grown(this.shapeIds, count * ORIGIN_SLOT_COUNT);
  }

  /** Grow slot `slot`'s box of school i by p (the first point of a slot resets its box). */
  private extend(i: number, slot: number, p: Position): void {
    const at = OriginTable.boxAt(i, slot);
    if ((this.slots[i]! & (1 << slot)) === 0) resetBox(this.boxes, at);
    this.slots[i] = this.slots[i]! | (1 << slot);
    extendBox(this.boxes, at, p);
  }

  private fill(i: number, school: School): void {
    const { campus, gates } = school.properties;
    const point = school.geometry?.coordinates ?? null;
    const { boxes, footprints } = this;
    this.slots[i] = 0; // boxes and shape ids were reset by the caller
    // the outer rings bound the holes, so outer rings suffice
    if (campus)
      for (const ring of outerRings(campus))
        for (const p of ring) this.extend(i, ORIGIN_SLOTS.campus_outline, p);
    for (let k = 0; k < gates.length; k++) {
      const g = gates[k]!;
      this.extend(i, ORIGIN_SLOTS.every_gate, g.position);
      if (g.kind === 'main') this.extend(i, ORIGIN_SLOTS.main_gate, g.position);
    }
    if (point) this.extend(i, ORIGIN_SLOTS.school_point, point);
    const slots = this.slots[i]!;
    resetBox(footprints, i * BOX);
    for (let slot = 0; slot < ORIGIN_SLOT_COUNT; slot++) {
      if ((slots & (1 << slot)) === 0) continue;
      const at = OriginTable.boxAt(i, slot);
      footprints[i * BOX] = Math.min(footprints[i * BOX]!, boxes[at]!);
      footprints[i * BOX + 1] = Math.min(footprints[i * BOX + 1]!, boxes[at + 1]!);
      footprints[i * BOX + 2] = Math.max(footprints[i * BOX + 2]!, boxes[at + 2]!);
      footprints[i * BOX + 3] = Math.max(footprints[i * BOX + 3]!, boxes[at + 3]!);
    }
  }
}
