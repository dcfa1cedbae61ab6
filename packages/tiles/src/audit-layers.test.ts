import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VectorTileFeature } from '@mapbox/vector-tile';
import { perimeterZones, type AuditSchool, type Finding } from '@atlas/audit';
import { featureId, type Position } from '@atlas/model';
import { openStore, type AtlasStore } from '@atlas/store';
import { latToY, lngToX } from './mercator.ts';
import type { TileCoord } from './tile-coord.ts';
import { createTileSource, type TileSource } from './tile-source.ts';
import { decode, hubeiProfile, school, store as shop } from './test-features.ts';

const EXTENT = 4096;
const HOME: Position = [111.3, 30.8];
const FAR: Position = [111.5, 30.8];
const ELSEWHERE: Position = [111.4, 30.9];
/** The township saved with school 1's findings (the test schools lie in 420106002). */
const TOWNSHIP = '420106001';
/** Where the test schools lie (their village code's first 9 digits). */
const SCHOOL_TOWNSHIP = '420106002';
/** Half the campus side of the test schools, degrees. */
const HALF_DEG = 0.001;

const tileAt = ([lng, lat]: Position, z: number): TileCoord => ({
  z,
  x: Math.floor(lngToX(lng) * 2 ** z),
  y: Math.floor(latToY(lat) * 2 ** z),
});
/** A position in tile units of a tile (what a decoder gives). */
const inTile = ([lng, lat]: Position, t: TileCoord) => ({
  x: lngToX(lng) * 2 ** t.z * EXTENT - t.x * EXTENT,
  y: latToY(lat) * 2 ** t.z * EXTENT - t.y * EXTENT,
});

const PROFILE = hubeiProfile();

function finding(
  schoolId: string,
  target: number,
  originPoint: Position,
  targetPoint: Position,
  status: Finding['status'] = 'violation',
  distanceM = 42.345,
): Finding {
  return {
    id: `${schoolId}/store/sto-${target}/tobacco`,
    schoolId,
    targetKind: 'store',
    targetId: `sto-${target}`,
    category: 'tobacco',
    status,
    effect: 'prohibited',
    distanceM,
    limitM: 50,
    marginM: distanceM - 50,
    uncertaintyM: 5,
    method: { origin: 'campus_outline', metric: 'geodesic' },
    originPoint,
    targetPoint,
    path: null,
    rules: [{ ruleId: 'hb.tobacco.50m', status } as Finding['rules'][number]],
  };
}

let db: AtlasStore;
let source: TileSource;
const saveRun = (findings: Finding[], profile: unknown = PROFILE) =>
  db.saveAuditRun(
    {
      profileId: 'hubei',
      profile,
      startedAt: '2026-11-23T08:00:00+08:00',
      finishedAt: '2026-11-23T08:00:01+08:00',
      filter: {},
      summary: {},
    },
    findings.map((f) => ({ finding: f, township: f.schoolId === 'sch-1' ? TOWNSHIP : null })),
  );

// School 1 at HOME with a violation just east of its campus; school 2 at FAR with a monitor.
const ORIGIN_1: Position = [HOME[0] + HALF_DEG, HOME[1]];
const TARGET_1: Position = [HOME[0] + HALF_DEG + 0.0004, HOME[1] + 0.0001];
const ORIGIN_2: Position = [FAR[0] + HALF_DEG, FAR[1]];
const TARGET_2: Position = [FAR[0] + HALF_DEG + 0.0005, FAR[1]];
const first = () => [
  finding('sch-1', 1, ORIGIN_1, TARGET_1),
  finding('sch-2', 2, ORIGIN_2, TARGET_2, 'monitor', 48.04),
];

beforeEach(async () => {
  db = await openStore(':memory:');
  await db.upsert('schools', [school(1, HOME), school(2, FAR)]);
  await db.upsert('stores', [shop(9, ELSEWHERE)]);
  await saveRun(first());
  source = createTileSource(db);
  await source.ready;
});
afterEach(async () => {
  source.close();
  await db.close();
});

const layer = (body: Uint8Array | null, name: string): VectorTileFeature[] => {
  const l = decode(body).layers[name];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
};
const violations = async (t: TileCoord) => layer((await source.tile(t)).body, 'violations');
const zones = async (t: TileCoord) => layer((await source.tile(t)).body, 'perimeter_zones');

describe('violations layer', () => {
  it('draws each finding of the latest run as a line from its origin to its target, within one tile unit', async () => {
    const t = tileAt(HOME, 16);
    const [line, ...rest] = await violations(t);
    expect(rest).toEqual([]);
    expect(line!.id).toBe(featureId('sch-1/store/sto-1/tobacco'));
    expect(line!.properties).toEqual({
      category: 'tobacco',
      status: 'violation',
      schoolType: 'primary',
      township: TOWNSHIP,
    });
    const [part] = line!.loadGeometry();
    expect(part).toHaveLength(2);
    for (const [decoded, source] of [
      [part![0]!, inTile(ORIGIN_1, t)],
      [part![1]!, inTile(TARGET_1, t)],
    ] as const) {
      expect(Math.abs(decoded.x - source.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(decoded.y - source.y)).toBeLessThanOrEqual(1);
    }
  });

  it('draws a line once it spans 12 px, with the same properties at every zoom', async () => {
    // 0.0004° east: ≈ 9 px at z14, 19 px at z15. 0.005° (≈ 480 m): 7 px at z10, 15 px at z11.
    expect(await violations(tileAt(ORIGIN_1, 14))).toEqual([]);
    expect(await violations(tileAt(ORIGIN_1, 15))).toHaveLength(1);
    const long = finding(
      'sch-1',
      3,
      ORIGIN_1,
      [ORIGIN_1[0] + 0.005, ORIGIN_1[1]],
      'violation',
      480,
    );
    await saveRun([long]);
    await source.auditReady;
    expect(await violations(tileAt(ORIGIN_1, 10))).toEqual([]);
    const [low] = await violations(tileAt(ORIGIN_1, 11));
    expect(low!.id).toBe(featureId(long.id));
    expect(low!.properties).toEqual({
      category: 'tobacco',
      status: 'violation',
      schoolType: 'primary',
      township: TOWNSHIP,
    });
    const [detailed] = await violations(tileAt(ORIGIN_1, 16));
    expect(detailed!.id).toBe(low!.id);
    expect(detailed!.properties).toEqual(low!.properties);
  });

  it('swaps in a newly saved run, evicting exactly the tiles whose lines went, came or changed', async () => {
    const home = tileAt(HOME, 16);
    const far = tileAt(ORIGIN_2, 16);
    expect((await violations(far)).map((f) => f.properties.status)).toEqual(['monitor']);
    const other = tileAt(ELSEWHERE, 16);
    const homeLow = tileAt(HOME, 4); // the line is too short to draw there
    const before = await Promise.all([home, far, other, homeLow].map((t) => source.tile(t)));
    const moved: Position = [TARGET_1[0] + 0.0002, TARGET_1[1]];
    await saveRun([finding('sch-1', 1, ORIGIN_1, moved, 'borderline', 49.96), first()[1]!]);
    const [line] = await violations(home);
    expect(line!.properties.status).toBe('borderline');
    const end = line!.loadGeometry()[0]![1]!;
    expect(Math.abs(end.x - inTile(moved, home).x)).toBeLessThanOrEqual(1);
    expect(await source.tile(far)).toBe(before[1]); // the same finding in both runs
    expect(await source.tile(other)).toBe(before[2]);
    expect(await source.tile(homeLow)).toBe(before[3]);
  });

  it('gives a school’s lines its new type when it is edited, and none once it is deleted', async () => {
    const home = tileAt(HOME, 16);
    const far = tileAt(ORIGIN_2, 16);
    const farBefore = await source.tile(far);
    const kindergarten = school(1, HOME);
    kindergarten.properties.type = 'kindergarten';
    await db.upsert('schools', [kindergarten]);
    expect((await violations(home))[0]!.properties.schoolType).toBe('kindergarten');
    expect(await source.tile(far)).toBe(farBefore); // school 2's line is not touched
    await db.remove('schools', ['sch-1']);
    const [line] = await violations(home);
    expect(line!.properties).not.toHaveProperty('schoolType');
    expect(line!.properties.township).toBe(TOWNSHIP); // saved with the finding
  });

  it('tags the lines of a run with the types of the schools stored when it is drawn', async () => {
    const junior = school(2, FAR);
    junior.properties.type = 'junior';
    await db.upsert('schools', [junior]);
    await saveRun([finding('sch-2', 4, ORIGIN_2, TARGET_2)]);
    const [line] = await violations(tileAt(ORIGIN_2, 16));
    expect(line!.id).toBe(featureId('sch-2/store/sto-4/tobacco'));
    expect(line!.properties.schoolType).toBe('junior');
    expect(line!.properties).not.toHaveProperty('township'); // none was saved
  });

  it('drops every line when the latest run finds nothing, and leaves clear pairs out', async () => {
    await saveRun([finding('sch-2', 2, ORIGIN_2, TARGET_2, 'clear')]);
    expect(await violations(tileAt(HOME, 16))).toEqual([]);
    expect(await violations(tileAt(ORIGIN_2, 16))).toEqual([]);
  });

  it('draws the latest run saved before the source was made', async () => {
    await saveRun([finding('sch-2', 3, ORIGIN_2, TARGET_2)]);
    const late = createTileSource(db);
    const ids = layer((await late.tile(tileAt(ORIGIN_2, 16))).body, 'violations').map((f) => f.id);
    expect(ids).toEqual([featureId('sch-2/store/sto-3/tobacco')]);
    late.close();
  });
});

type XY = { x: number; y: number };
function distanceToSegment(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq)) : 0;
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

describe('perimeter_zones layer', () => {
  const north = (metres: number): Position => [HOME[0], HOME[1] + HALF_DEG + metres / 111_000];

  it('draws the rings of the run’s profile around a school from z13, each vertex within one tile unit of the audit’s ring', async () => {
    const t = tileAt(HOME, 14);
    const rings = await zones(t);
    const expected = perimeterZones(school(1, HOME) as AuditSchool, PROFILE).features;
    expect(expected.length).toBeGreaterThan(0);
    expect(rings.map((r) => r.properties).sort((a, b) => +a.distanceM! - +b.distanceM!)).toEqual(
      expected.map((z) => ({
        schoolId: 'sch-1',
        distanceM: z.properties.distanceM,
        schoolType: 'primary',
        township: SCHOOL_TOWNSHIP,
      })),
    );
    const widest = expected[expected.length - 1]!;
    const ring = rings.find((r) => r.properties.distanceM === widest.properties.distanceM)!;
    // The layer draws the map's ring (displayRing), whose vertices need not be the audit's: each
    // lies within one tile unit of an edge of the audit's exact ring.
    const projected = (widest.geometry.coordinates as Position[][])[0]!.map((p) => inTile(p, t));
    for (const v of ring.loadGeometry().flat()) {
      const nearest = Math.min(
        ...projected.slice(1).map((b, i) => distanceToSegment(v, projected[i]!, b)),
      );
      expect(nearest).toBeLessThanOrEqual(1);
    }
    expect(await zones(tileAt(HOME, 12))).toEqual([]);
  });

  it('computes the rings of every protected school once the run is drawn, before any tile asks', async () => {
    await source.auditReady;
    await source.ringsReady;
    expect(source.stats().zoneSchoolsComputed).toBe(2);
  });

  it('computes an edited school’s rings again when a tile from z13 needs them', async () => {
    await source.auditReady;
    await source.ringsReady;
    const moved: Position = [HOME[0] + 0.02, HOME[1]];
    await db.upsert('schools', [school(1, moved)]);
    expect(source.stats().zoneSchoolsComputed).toBe(1);
    await source.tile(tileAt(moved, 12));
    expect(source.stats().zoneSchoolsComputed).toBe(1);
    expect((await zones(tileAt(moved, 14))).length).toBeGreaterThan(0);
    expect(source.stats().zoneSchoolsComputed).toBe(2);
  });

  it('follows a moved school: the tiles of its old rings are evicted and show none', async () => {
    const ringOnly = tileAt(north(150), 18); // a ring passes; the campus is 150 m away
    expect(layer((await source.tile(ringOnly)).body, 'campuses')).toEqual([]);
    const before = await source.tile(ringOnly);
    expect(layer(before.body, 'perimeter_zones').length).toBeGreaterThan(0);
    await db.upsert('schools', [school(1, [HOME[0] + 0.02, HOME[1]])]);
    const after = await source.tile(ringOnly);
    expect(after).not.toBe(before);
    expect(after.body).toBeNull();
  });

  it('carries the school’s new type and township on its rings once it is edited, whether or not it has findings', async () => {
    const t = tileAt(FAR, 14);
    const before = await zones(t);
    expect(before.length).toBeGreaterThan(0);
    const moved = school(2, FAR);
    moved.properties.type = 'junior';
    moved.properties.adminCode = '420106005003';
    await db.upsert('schools', [moved]);
    await saveRun([]); // no school has a finding now
    const after = await zones(t);
    expect(after.length).toBe(before.length);
    for (const ring of after)
      expect(ring.properties).toMatchObject({ schoolType: 'junior', township: '420106005' });
  });

  it('redraws the rings under a new profile from z13 and keeps lower tiles cached', async () => {
    const z14 = tileAt(HOME, 14);
    const z11 = tileAt(HOME, 11);
    expect((await zones(z14)).length).toBeGreaterThan(0);
    const low = await source.tile(z11);
    await saveRun(first(), { ...PROFILE, zones: [], rules: [] }); // protects no school
    expect(await zones(z14)).toEqual([]);
    expect(await source.tile(z11)).toBe(low);
  });
});
