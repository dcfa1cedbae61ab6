import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { geodesicDistanceM } from '@atlas/geo';
import type { Position } from '@atlas/model';
import { fixture, tempStore } from './testing.ts';

// Conversions end to end, checked against reference points: the eviltransform GCJ-02
// pairs the geo package tests use, and the WGS84 points the GK fixtures were made from
// (fixtures/make-fixtures.ts projects them with proj4's CGCS2000 zone-38 definition).

let t: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

/** [wgsLat, wgsLng, gcjLat, gcjLng], from googollee/eviltransform's javascript/test.js. */
const EVILTRANSFORM: [number, number, number, number][] = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
];
/** The hazard points of make-fixtures.ts, WGS84. */
const HAZARDS_WGS84: Position[] = [
  [114.3012, 30.2511],
  [114.3124, 30.2633],
  [114.3356, 30.2755],
];
const HALF_METRE_M = 0.5;
const MILLIMETRE_M = 0.001;

const positions = (rows: { feature: unknown }[]) =>
  rows.map((r) => (r.feature as { geometry: { coordinates: Position } }).geometry.coordinates);

describe('coordinate systems on import', () => {
  it('converts GCJ-02 (chosen by the user) to WGS84 within half a metre of the reference points', async () => {
    const csv =
      '名称,经度,纬度\n' +
      EVILTRANSFORM.map(([, , gLat, gLng], i) => `店${i},${gLng},${gLat}`).join('\n');
    const r = await t.run(t.file('gcj.csv', csv), { layer: 'stores', crs: 'GCJ-02' });
    expect(r.committed).toBe(true);
    positions(r.rows).forEach((p, i) => {
      const [wLat, wLng] = EVILTRANSFORM[i]!;
      expect(geodesicDistanceM(p, [wLng, wLat])).toBeLessThan(HALF_METRE_M);
    });
    expect(
      (r.rows[0]!.feature as { properties: { provenance: { originalCrs: string } } }).properties
        .provenance.originalCrs,
    ).toBe('GCJ-02');
  });

  it('suggests GCJ-02 for a GBK file whose title says 高德, and commits only once confirmed', async () => {
    const offered = await t.run(fixture('stores-gbk-amap.csv'), { layer: 'stores' });
    expect(offered.file.encoding).toBe('gb18030');
    expect(offered.crs).toMatchObject({ crs: 'GCJ-02', basis: 'suggested', confirmed: false });
    expect(offered.committed).toBe(false);
    const confirmed = await t.run(fixture('stores-gbk-amap.csv'), {
      layer: 'stores',
      crs: 'GCJ-02',
    });
    expect(confirmed.committed).toBe(true);
    expect(
      (confirmed.rows[0]!.feature as { properties: { name: string; categories: string[] } })
        .properties,
    ).toMatchObject({ name: '惠民烟酒店', categories: ['tobacco', 'liquor'] });
  });

  it('reads a zipped Shapefile in CGCS2000 GK zone 38 from its .prj, with a GBK DBF and no .cpg', async () => {
    const r = await t.run(fixture('hazards-gk38-gbk.zip'), { layer: 'hazards' });
    expect(r.file).toMatchObject({ format: 'shapefile', encoding: 'gb18030' });
    expect(r.crs).toMatchObject({ crs: 'EPSG:4526', basis: 'file', confirmed: true });
    expect(r.committed).toBe(true);
    positions(r.rows).forEach((p, i) =>
      expect(geodesicDistanceM(p, HAZARDS_WGS84[i]!)).toBeLessThan(MILLIMETRE_M),
    );
    const h = (await t.store.get('hazards', 'haz-420115010001'))!;
    expect(h.properties).toMatchObject({
      type: 'landslide',
      name: '石门村张家湾后山滑坡',
      monitor: { name: '张三' },
    });
    expect(h.properties.provenance.originalCrs).toBe('EPSG:4526');
  });

  it('offers the zone and the X/Y swap of a bare survey table, and loads it once both are confirmed', async () => {
    const offered = await t.run(fixture('hazards-survey-gk.csv'), { layer: 'hazards' });
    expect(offered.swap).toMatchObject({ offered: true });
    expect(offered.crs).toMatchObject({ crs: 'EPSG:4526', basis: 'detected', confirmed: false });
    expect(offered.committed).toBe(false);
    expect(
      offered.problems
        .filter((p) => p.row === null && p.severity === 'error')
        .map((p) => p.field)
        .sort(),
    ).toEqual(['crs', 'swapXY']);
    const r = await t.run(fixture('hazards-survey-gk.csv'), {
      layer: 'hazards',
      crs: 'EPSG:4526',
      swapXY: true,
    });
    expect(r.committed).toBe(true);
    positions(r.rows).forEach((p, i) =>
      expect(geodesicDistanceM(p, HAZARDS_WGS84[i]!)).toBeLessThan(MILLIMETRE_M),
    );
  });

  it('refuses degrees read as a projected CRS', async () => {
    const r = await t.run(fixture('hazards-register.csv'), { layer: 'hazards', crs: 'EPSG:4526' });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ field: 'crs', reason: expect.stringMatching(/projected CRS/) }),
    );
  });
});
