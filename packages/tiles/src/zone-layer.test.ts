import { describe, expect, it } from 'vitest';
import { perimeterZones, type AuditSchool } from '@atlas/audit';
import { latToY, lngToX } from './mercator.ts';
import { TileData } from './tile-data.ts';
import { hubeiProfile, school } from './test-features.ts';
import { ZoneLayer } from './zone-layer.ts';

// fill(): every protected school's rings computed in the background, slice by slice.

const PROFILE = hubeiProfile();
const SCHOOLS = 600;
/** Enough schools that fill() takes several 10 ms slices (≈ 40–100 µs a school). */
const MANY_SCHOOLS = 1500;
const BUFFER = 64 / 4096;

function layerWithSchools(n: number) {
  const data = new TileData();
  const zones = new ZoneLayer(data);
  for (let i = 0; i < n; i++) {
    zones.putSchool(school(i, [111 + (i % 30) * 0.01, 30 + Math.floor(i / 30) * 0.01]));
  }
  zones.setProfile(PROFILE);
  return { data, zones };
}

/** Resolves after n turns of the event loop's check phase. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('ZoneLayer fill', () => {
  it('computes the rings of every school the profile protects, each as perimeterZones draws it', async () => {
    const { data, zones } = layerWithSchools(SCHOOLS);
    await zones.fill();
    expect(zones.computedSchools).toBe(SCHOOLS);
    const expected = perimeterZones(school(7, [111.07, 30]) as AuditSchool, PROFILE, {
      ring: 'display',
    }).features;
    expect(expected.length).toBeGreaterThan(0);
    expect(data.shapeIndex('perimeter_zones').size).toBe(SCHOOLS * expected.length);
    // A tile finds them computed: it computes no school again.
    const tile = {
      z: 15,
      x: Math.floor(lngToX(111.07) * 2 ** 15),
      y: Math.floor(latToY(30) * 2 ** 15),
    };
    zones.ensure(tile, BUFFER);
    expect(zones.computedSchools).toBe(SCHOOLS);
  });

  it('lets other work run between its slices', async () => {
    const { zones } = layerWithSchools(MANY_SCHOOLS);
    let done = false;
    const filled = zones.fill().then(() => (done = true));
    const seenWhileFilling: number[] = [];
    while (!done) {
      seenWhileFilling.push(zones.computedSchools);
      await turns(1);
    }
    await filled;
    // The first slice returned before the last school, and the loop turned until the end.
    expect(seenWhileFilling[0]).toBeGreaterThan(0);
    expect(seenWhileFilling[0]).toBeLessThan(MANY_SCHOOLS);
    expect(seenWhileFilling.length).toBeGreaterThan(1);
    expect(zones.computedSchools).toBe(MANY_SCHOOLS);
  });

  it('stops when the profile changes, leaving no ring of the old profile', async () => {
    const { data, zones } = layerWithSchools(MANY_SCHOOLS);
    const filled = zones.fill();
    await turns(1);
    expect(zones.computedSchools).toBeGreaterThan(0);
    expect(zones.computedSchools).toBeLessThan(MANY_SCHOOLS); // still filling
    zones.setProfile({ ...PROFILE, zones: [], rules: [] }); // protects no school
    await filled;
    expect(zones.computedSchools).toBe(0);
    expect(data.shapeIndex('perimeter_zones').size).toBe(0);
  });
});
