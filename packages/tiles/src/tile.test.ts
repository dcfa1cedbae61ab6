import { describe, expect, it } from 'vitest';
import { featureId, type Position } from '@atlas/model';
import { latToY, lngToX } from './mercator.ts';
import { buildTile, TILE_DEFAULTS } from './tile.ts';
import { TileData } from './tile-data.ts';
import type { TileCoord } from './tile-coord.ts';
import { STORE_GROUPS, STORE_NAME_ZOOM } from './tile-layers.ts';
import { decode, pond, road, seededRandom, store } from './test-features.ts';

const { extent } = TILE_DEFAULTS;
const CENTRE: Position = [111.3, 30.8];

function tileAt([lng, lat]: Position, z: number): TileCoord {
  const n = 2 ** z;
  return { z, x: Math.floor(lngToX(lng) * n), y: Math.floor(latToY(lat) * n) };
}

/** A position in tile units of tile t (not rounded). */
function project([lng, lat]: Position, t: TileCoord): [number, number] {
  const s = 2 ** t.z * extent;
  return [lngToX(lng) * s - t.x * extent, latToY(lat) * s - t.y * extent];
}

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

const random = seededRandom(7);
const scatter = (spreadDeg: number): Position => [
  CENTRE[0] + (random() - 0.5) * spreadDeg,
  CENTRE[1] + (random() - 0.5) * spreadDeg,
];

describe('buildTile', () => {
  const stores = Array.from({ length: 500 }, (_, i) => store(i, scatter(0.02)));
  const wiggly: Position[] = Array.from({ length: 200 }, (_, i) => [
    CENTRE[0] - 0.05 + i * 0.0005,
    CENTRE[1] + 0.002 * Math.sin(i / 3),
  ]);
  const data = new TileData();
  for (const s of stores) data.put('stores', s);
  data.put('roads', road('r1', wiggly));

  it('places every store within one tile unit of its projected position at z16', () => {
    const t = tileAt(CENTRE, 16);
    const layer = decode(buildTile(data, t)).layers.stores!;
    const byId = new Map(stores.map((s) => [s.id, s.geometry.coordinates]));
    expect(layer.length).toBeGreaterThan(0);
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const [[p]] = f.loadGeometry() as unknown as [[{ x: number; y: number }]];
      const [ex, ey] = project(byId.get(f.properties.id as string)!, t);
      expect(Math.hypot(p.x - ex, p.y - ey)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every store of the buffered tile at z14 and no other', () => {
    const t = tileAt(CENTRE, 14);
    const layer = decode(buildTile(data, t)).layers.stores!;
    const buffer = TILE_DEFAULTS.bufferUnits;
    const expected = stores.filter((s) => {
      const [x, y] = project(s.geometry.coordinates, t);
      return x >= -buffer && x <= extent + buffer && y >= -buffer && y <= extent + buffer;
    });
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i).id);
    expect(got.sort()).toEqual(expected.map((s) => featureId(s.id)).sort());
  });

  it('draws each road vertex within one tile unit of the source line, at every zoom', () => {
    for (const z of [8, 11, 14, 17]) {
      const t = tileAt(CENTRE, z);
      const layer = decode(buildTile(data, t)).layers.roads!;
      const source = wiggly.map((p) => project(p, t));
      for (const part of layer.feature(0).loadGeometry()) {
        for (const p of part) {
          const d = Math.min(
            ...source.slice(1).map((b, i) => distanceToSegment([p.x, p.y], source[i]!, b)),
          );
          expect(d).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('simplifies a line harder at low zoom than at high zoom', () => {
    const vertices = (z: number) =>
      decode(buildTile(data, tileAt(CENTRE, z)))
        .layers.roads!.feature(0)
        .loadGeometry()
        .flat().length;
    expect(vertices(8)).toBeLessThan(vertices(14));
  });

  it('aggregates stores below z14 into cells whose counts add up to the stores in the tile', () => {
    for (const z of [6, 10, 13]) {
      const t = tileAt(CENTRE, z);
      const layer = decode(buildTile(data, t)).layers.stores!;
      const n = 2 ** z;
      const inTile = stores.filter(
        ({
          geometry: {
            coordinates: [lng, lat],
          },
        }) => Math.floor(lngToX(lng) * n) === t.x && Math.floor(latToY(lat) * n) === t.y,
      );
      let count = 0;
      const groups = Object.fromEntries(STORE_GROUPS.map((g) => [g, 0]));
      for (let i = 0; i < layer.length; i++) {
        const p = layer.feature(i).properties;
        expect(p.cluster).toBe(true);
        count += p.count as number;
        for (const g of STORE_GROUPS) groups[g]! += p[g] as number;
      }
      expect(count).toBe(inTile.length);
      expect(groups).toMatchObject({ tobacco: inTile.length, liquor: inTile.length, lottery: 0 });
    }
  });

  it('draws a pond as a polygon with its hole when large, and as a point when tiny', () => {
    const ponds = new TileData();
    ponds.put('water', pond('p1', CENTRE, 0.001, 0.0003));
    const big = decode(buildTile(ponds, tileAt(CENTRE, 15))).layers.water!.feature(0);
    expect(big.type).toBe(3);
    expect(big.toGeoJSON(0, 0, 0).geometry).toMatchObject({ type: 'Polygon' });
    expect(big.loadGeometry()).toHaveLength(2);
    const small = decode(buildTile(ponds, tileAt(CENTRE, 10))).layers.water!.feature(0);
    expect(small.type).toBe(1);
    expect(small.properties).toMatchObject({ id: 'p1', kind: 'pond' });
  });

  it('cuts a polygon larger than the tile to the buffered tile box', () => {
    const lake = new TileData();
    lake.put('water', pond('lake', CENTRE, 0.2));
    const [ring] = decode(buildTile(lake, tileAt(CENTRE, 14)))
      .layers.water!.feature(0)
      .loadGeometry();
    const b = TILE_DEFAULTS.bufferUnits;
    for (const p of ring!) {
      expect([-b, extent + b]).toContain(p.x);
      expect([-b, extent + b]).toContain(p.y);
    }
  });

  it('answers null for a tile with no feature', () => {
    expect(buildTile(data, { z: 10, x: 0, y: 0 })).toBeNull();
  });

  it('gives each feature the same numeric id in every tile', () => {
    const ids = [15, 16].map(
      (z) => decode(buildTile(data, tileAt(CENTRE, z))).layers.roads!.feature(0).id,
    );
    expect(ids[0]).toBeTypeOf('number');
    expect(ids[0]).toBe(ids[1]);
  });

  it('counts tiny ponds in water cells at low zoom and draws each as a point from z10', () => {
    const ponds = new TileData();
    const spots = [0, 1, 2].map((i) => [CENTRE[0] + i * 0.002, CENTRE[1]] as Position);
    spots.forEach((p, i) => ponds.put('water', pond(`p${i}`, p, 0.0002)));
    const low = decode(buildTile(ponds, tileAt(CENTRE, 8))).layers.water!;
    const counted = Array.from({ length: low.length }, (_, i) => low.feature(i).properties);
    expect(counted.every((p) => p.cluster === true)).toBe(true);
    expect(counted.reduce((n, p) => n + (p.count as number), 0)).toBe(3);
    const high = decode(buildTile(ponds, tileAt(CENTRE, 10))).layers.water!;
    expect(high.length).toBe(3);
    expect(high.feature(0).type).toBe(1);
    ponds.remove('water', 'p1');
    const after = decode(buildTile(ponds, tileAt(CENTRE, 8))).layers.water!;
    const left = Array.from({ length: after.length }, (_, i) => after.feature(i).properties.count);
    expect(left.reduce((n: number, c) => n + (c as number), 0)).toBe(2);
  });

  it('counts stores in no group as other, a two-group store in both groups, gives adminCode at z14 and names and ids from z16', () => {
    const mixed = new TileData();
    const at = (i: number): Position => [CENTRE[0] + i * 0.0001, CENTRE[1]];
    const plain = { ...store(1, at(1), []) };
    plain.properties = { ...plain.properties, adminCode: '420500001001' };
    mixed.put('stores', plain);
    mixed.put('stores', store(2, at(2), ['tobacco', 'liquor']));
    mixed.put('stores', store(3, at(3), ['lottery']));
    const cells = decode(buildTile(mixed, tileAt(CENTRE, 6))).layers.stores!;
    const sum = { count: 0, other: 0, tobacco: 0, liquor: 0, lottery: 0 };
    for (let i = 0; i < cells.length; i++) {
      const p = cells.feature(i).properties;
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += p[k] as number;
    }
    expect(sum).toEqual({ count: 3, other: 1, tobacco: 1, liquor: 1, lottery: 1 });
    const detail = decode(buildTile(mixed, tileAt(CENTRE, 14))).layers.stores!;
    const byFid = new Map(
      Array.from({ length: detail.length }, (_, i) => detail.feature(i)).map((f) => [
        f.id,
        f.properties,
      ]),
    );
    expect(byFid.get(featureId('sto-1'))).toMatchObject({ adminCode: '420500001001' });
    expect(byFid.get(featureId('sto-1'))).not.toHaveProperty('name');
    expect(byFid.get(featureId('sto-1'))).not.toHaveProperty('id');
    expect(byFid.get(featureId('sto-2'))).not.toHaveProperty('adminCode');
    const named = decode(buildTile(mixed, tileAt(CENTRE, STORE_NAME_ZOOM))).layers.stores!;
    const names = Array.from({ length: named.length }, (_, i) => named.feature(i).properties);
    expect(names.find((p) => p.id === 'sto-1')).toMatchObject({ name: '商店 1' });
  });
});

describe('buildTile with repeated names', () => {
  const SHARED = ['天天便利店', '星空网吧', '鸿运烟酒'];
  const UNIQUE = 100;
  const stores = Array.from({ length: 400 }, (_, i) => {
    const s = store(i, scatter(0.004));
    s.properties.name = i < UNIQUE ? `独家小店 ${i}` : SHARED[i % SHARED.length]!;
    return s;
  });
  const data = new TileData();
  for (const s of stores) data.put('stores', s);
  const nameOf = new Map(stores.map((s) => [s.id, s.properties.name]));
  /** The layer's value table as the decoder holds it (its internal _values). */
  const valuesOf = (bytes: Uint8Array | null) =>
    (decode(bytes).layers.stores as unknown as { _values: unknown[] })._values;

  it('writes a name shared by many stores once, and every store decodes with its own name', () => {
    for (const z of [STORE_NAME_ZOOM, STORE_NAME_ZOOM + 1]) {
      const t = tileAt(CENTRE, z);
      const bytes = buildTile(data, t);
      const layer = decode(bytes).layers.stores!;
      expect(layer.length).toBeGreaterThan(SHARED.length * 2);
      for (let i = 0; i < layer.length; i++) {
        const { id, name } = layer.feature(i).properties;
        expect(name).toBe(nameOf.get(id as string));
      }
      const values = valuesOf(bytes);
      for (const name of SHARED) expect(values.filter((v) => v === name).length).toBe(1);
      const uniques = values.filter((v) => String(v).startsWith('独家小店'));
      expect(new Set(uniques).size).toBe(uniques.length);
    }
  });

  it('cuts the same bytes for a tile again after other tiles, and keeps renamed stores apart', () => {
    const t = tileAt(CENTRE, STORE_NAME_ZOOM);
    const first = buildTile(data, t);
    buildTile(data, tileAt(CENTRE, STORE_NAME_ZOOM + 1));
    expect(buildTile(data, t)).toEqual(first);
    const renamed = { ...stores[UNIQUE]!, properties: { ...stores[UNIQUE]!.properties } };
    renamed.properties.name = '新名字小店';
    data.put('stores', renamed);
    const layer = decode(buildTile(data, t)).layers.stores!;
    const expected = new Map(nameOf).set(renamed.id, '新名字小店');
    let sawRenamed = false;
    for (let i = 0; i < layer.length; i++) {
      const { id, name } = layer.feature(i).properties;
      expect(name).toBe(expected.get(id as string));
      sawRenamed ||= id === renamed.id;
    }
    expect(sawRenamed).toBe(true);
  });
});
