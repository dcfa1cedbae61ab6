import { describe, expect, it } from 'vitest';
import { buildAdmin } from './admin.ts';
import type { XY } from './local.ts';
import { pointInRing, signedArea } from './planar.ts';
import { forkRng } from '../lib/rng.ts';

const SEED = 20241001;
const admin = buildAdmin(forkRng(SEED, 'admin'), SEED);
const AREA_TOLERANCE = 0.001;
const GRID = 120;

/** Counts, on a regular grid of sample points, how many tiles hold each point inside the region. */
function coverage(region: XY[], tiles: XY[][]) {
  const xs = region.map((p) => p[0]);
  const ys = region.map((p) => p[1]);
  const counts = { gaps: 0, overlaps: 0, inside: 0, strays: 0 };
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const p: XY = [
        Math.min(...xs) + ((i + 0.5) / GRID) * (Math.max(...xs) - Math.min(...xs)),
        Math.min(...ys) + ((j + 0.5) / GRID) * (Math.max(...ys) - Math.min(...ys)),
      ];
      const n = tiles.filter((t) => pointInRing(p, t)).length;
      if (!pointInRing(p, region)) counts.strays += n;
      else if (n === 0) counts.gaps++;
      else if (n > 1) counts.overlaps++;
      else counts.inside++;
    }
  }
  return counts;
}

describe('administrative areas', () => {
  it('has eight townships and about sixty villages with 6/9/12-digit codes under their parents', () => {
    expect(admin.townships).toHaveLength(8);
    expect(admin.villages.length).toBeGreaterThanOrEqual(55);
    expect(admin.villages.length).toBeLessThanOrEqual(65);
    const [county, ...rest] = admin.features;
    expect(county!.properties.code).toMatch(/^\d{6}$/);
    for (const f of rest) {
      const p = f.properties;
      expect(p.code).toMatch(p.level === 'township' ? /^\d{9}$/ : /^\d{12}$/);
      expect(p.code.startsWith(p.parentCode!)).toBe(true);
    }
  });

  it('tiles the county with townships: areas sum to the county and samples fall in exactly one', () => {
    const sum = admin.townships.reduce((s, t) => s + signedArea(t.ring), 0);
    expect(Math.abs(sum / signedArea(admin.countyRing) - 1)).toBeLessThan(AREA_TOLERANCE);
    const c = coverage(
      admin.countyRing,
      admin.townships.map((t) => t.ring),
    );
    expect(c).toMatchObject({ gaps: 0, overlaps: 0, strays: 0 });
    expect(c.inside).toBeGreaterThan(GRID * GRID * 0.7);
  });

  it('tiles every township with its villages', () => {
    for (const t of admin.townships) {
      const villages = admin.villages.filter((v) => v.township === t).map((v) => v.ring);
      const sum = villages.reduce((s, r) => s + signedArea(r), 0);
      expect(Math.abs(sum / signedArea(t.ring) - 1)).toBeLessThan(AREA_TOLERANCE);
      expect(coverage(t.ring, villages)).toMatchObject({ gaps: 0, overlaps: 0, strays: 0 });
    }
  });

  it('shares vertices exactly between neighbouring townships (no near-duplicates after rounding)', () => {
    const distinct = new Map<string, readonly number[]>();
    for (const f of admin.features.filter((f) => f.properties.level === 'township')) {
      if (f.geometry.type !== 'Polygon') throw new Error('townships are Polygons');
      for (const p of f.geometry.coordinates[0]!) distinct.set(p.join(','), p);
    }
    const ps = [...distinct.values()];
    const NEAR_DEG = 1e-5; // ~1 m: two distinct vertices this close would be a sliver
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        expect(Math.hypot(ps[i]![0]! - ps[j]![0]!, ps[i]![1]! - ps[j]![1]!)).toBeGreaterThan(
          NEAR_DEG,
        );
      }
    }
  });
});
