import { describe, expect, it } from 'vitest';
import { repairSelfIntersections } from './repair.ts';
import type { RawGeometry } from './shape.ts';

describe('repairSelfIntersections', () => {
  it('splits a bow-tie polygon into two valid parts and says so', () => {
    const bowtie: RawGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const r = repairSelfIntersections(bowtie);
    expect(r).toHaveProperty('repair');
    if (!('geometry' in r)) throw new Error('expected a repair');
    expect(r.geometry.type).toBe('MultiPolygon');
    expect(r.repair).toMatch(/repaired into 2 valid parts/);
  });

  it('leaves a simple polygon and points alone', () => {
    const square: RawGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(repairSelfIntersections(square)).toEqual({ geometry: square, repair: null });
    const point: RawGeometry = { type: 'Point', coordinates: [1, 2] };
    expect(repairSelfIntersections(point)).toEqual({ geometry: point, repair: null });
  });

  it('refuses a polygon that collapses to nothing', () => {
    const flat: RawGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const r = repairSelfIntersections(flat);
    if ('geometry' in r) expect(r.repair).toBeNull();
    else expect(r.error).toMatch(/refused/);
  });
});
