import wkx from 'wkx';
import { LAYER_NAMES, type Geometry } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from './sample-features.ts';
import { geometryToWkb, wkbToGeometry } from './wkb.ts';

const geometries: Geometry[] = LAYER_NAMES.flatMap((layer) =>
  SAMPLES[layer].flatMap((f) => {
    const p = f.properties as { campus?: Geometry | null; threatZone?: Geometry | null };
    return [f.geometry, p.campus, p.threatZone].filter((g): g is Geometry => !!g);
  }),
);

describe('wkb', () => {
  it('covers every geometry type the model allows', () => {
    expect(new Set(geometries.map((g) => g.type))).toEqual(
      new Set(['Point', 'LineString', 'Polygon', 'MultiPolygon']),
    );
  });

  it.each(geometries.map((g, i) => [`${g.type} #${i}`, g] as const))(
    'encodes %s byte-identical to wkx and decodes it back deep-equal',
    (_, geometry) => {
      const wkb = geometryToWkb(geometry);
      expect(Buffer.from(wkb).equals(wkx.Geometry.parseGeoJSON(geometry).toWkb())).toBe(true);
      expect(wkbToGeometry(wkb)).toStrictEqual(geometry);
    },
  );

  it('decodes a view into a larger buffer from its own offset', () => {
    const wkb = geometryToWkb({ type: 'Point', coordinates: [114.30000000000001, 30.5] });
    const padded = new Uint8Array(wkb.length + 3);
    padded.set(wkb, 3);
    expect(wkbToGeometry(padded.subarray(3))).toStrictEqual({
      type: 'Point',
      coordinates: [114.30000000000001, 30.5],
    });
  });

  it('refuses big-endian and 3D WKB, naming what it expected', () => {
    const bigEndian = wkx.Geometry.parse('POINT(1 2)').toWkb();
    bigEndian[0] = 0;
    expect(() => wkbToGeometry(bigEndian)).toThrow(/expected 1 \(little-endian\)/);
    const pointZ = wkx.Geometry.parse('POINT Z (1 2 3)').toWkb();
    expect(() => wkbToGeometry(pointZ)).toThrow(/expected 2D Point/);
  });
});
