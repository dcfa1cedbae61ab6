import { describe, expect, it } from 'vitest';
import { cgcs2000GkCode, declaredCrs } from './prj.ts';

const gk = (name: string, falseEasting: number, cm: number) =>
  `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],UNIT["Meter",1.0]]`;

describe('declaredCrs', () => {
  it('reads a CGCS2000 3° zone with the zone number in the easting', () => {
    expect(declaredCrs(gk('CGCS2000_3_Degree_GK_Zone_38', 38500000, 114))).toEqual({
      crs: 'EPSG:4526',
    });
    expect(declaredCrs(gk('CGCS2000_3_Degree_GK_Zone_39', 39500000, 117))).toEqual({
      crs: 'EPSG:4527',
    });
  });

  it('reads a 3° zone by central meridian when the easting has no zone number', () => {
    expect(declaredCrs(gk('CGCS2000_3_Degree_GK_CM_114E', 500000, 114))).toEqual({
      crs: 'EPSG:4547',
    });
  });

  it('reads 6° zones', () => {
    expect(declaredCrs(gk('CGCS2000_6_Degree_GK_Zone_20', 20500000, 117))).toEqual({
      crs: 'EPSG:4498',
    });
    expect(declaredCrs(gk('CGCS2000_6_Degree_GK_CM_117E', 500000, 117))).toEqual({
      crs: 'EPSG:4509',
    });
  });

  it('reads geographic WGS84 and CGCS2000', () => {
    expect(
      declaredCrs(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]',
      ),
    ).toEqual({ crs: 'EPSG:4326' });
    expect(
      declaredCrs('GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000"]]'),
    ).toEqual({ crs: 'EPSG:4490' });
  });

  it("refuses Xi'an 1980 and Beijing 1954 by name", () => {
    expect(declaredCrs(gk('Xian_1980_3_Degree_GK_Zone_38', 38500000, 114))).toHaveProperty(
      'refused',
    );
    expect(declaredCrs('GEOGCS["GCS_Beijing_1954"]')).toHaveProperty('refused');
  });

  it('reads GeoJSON crs names', () => {
    expect(declaredCrs('urn:ogc:def:crs:EPSG::4490')).toEqual({ crs: 'EPSG:4490' });
    expect(declaredCrs('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual({ crs: 'EPSG:4326' });
    expect(declaredCrs('something else')).toHaveProperty('refused');
  });
});

describe('cgcs2000GkCode', () => {
  it('finds the zone by central meridian and false easting, 3° before 6° when both fit', () => {
    expect(cgcs2000GkCode(114, 38_500_000)).toBe('EPSG:4526');
    expect(cgcs2000GkCode(117, 500_000)).toBe('EPSG:4548');
    expect(cgcs2000GkCode(117, 500_000, 6)).toBe('EPSG:4509');
    expect(cgcs2000GkCode(75, 13_500_000)).toBe('EPSG:4491');
    expect(cgcs2000GkCode(114, 39_500_000)).toBeNull();
  });
});
