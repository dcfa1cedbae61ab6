import { GK_EPSG_CODES, gkZone } from '@atlas/geo';

// A declared CRS (a Shapefile's .prj WKT, a GeoJSON `crs` name) → a CrsCode, or a reason
// it cannot be used. A CGCS2000 Gauss–Krüger .prj names its central meridian and false
// easting; the EPSG code (4491–4554) is the geo package's zone with both. Where 3° and 6°
// zones share a central meridian (odd multiples of 3°) the .prj's "3_Degree"/"6_Degree"
// decides, else 3° (the usual survey choice).
//
// Xi'an 1980 and Beijing 1954 need a seven-parameter shift the atlas does not carry:
// they are refused by name rather than read as if they were CGCS2000.

export type Declared = { crs: string } | { refused: string };

/** The EPSG code of the CGCS2000 GK zone with this central meridian and false easting. */
export function cgcs2000GkCode(
  centralMeridianDeg: number,
  falseEastingM: number,
  widthDeg: 3 | 6 = 3,
): string | null {
  const zones = GK_EPSG_CODES.map((code) => gkZone(code)!).filter(
    (z) => z.centralMeridianDeg === centralMeridianDeg && z.falseEastingM === falseEastingM,
  );
  const zone = zones.find((z) => z.family.startsWith(String(widthDeg))) ?? zones[0];
  return zone ? `EPSG:${zone.epsg}` : null;
}

function parameter(wkt: string, name: string): number | null {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
}

function fromWkt(wkt: string): Declared {
  const text = wkt.replace(/\s+/g, ' ');
  if (/xian|xi'an|1980/i.test(text))
    return { refused: "Xi'an 1980 is not supported: convert to CGCS2000 first" };
  if (/beijing|1954/i.test(text))
    return { refused: 'Beijing 1954 is not supported: convert to CGCS2000 first' };
  const cgcs = /CGCS|China_Geodetic|China Geodetic|China_2000/i.test(text);
  const wgs = /WGS[_ ]?(19)?84/i.test(text);
  if (!/^\s*PROJCS|PROJCRS/i.test(text)) {
    if (cgcs) return { crs: 'EPSG:4490' };
    if (wgs) return { crs: 'EPSG:4326' };
    return { refused: `unrecognised geographic CRS in .prj: ${text.slice(0, 80)}` };
  }
  if (!cgcs)
    return {
      refused: `unsupported projected CRS in .prj (only CGCS2000 Gauss–Krüger): ${text.slice(0, 80)}`,
    };
  const cm = parameter(text, 'central_meridian');
  const falseEasting = parameter(text, 'false_easting');
  if (cm === null || falseEasting === null)
    return { refused: '.prj names no central meridian or false easting' };
  const width: 3 | 6 = /6[_ ]degree/i.test(text) ? 6 : 3;
  const code = cgcs2000GkCode(cm, falseEasting, width);
  return code
    ? { crs: code }
    : {
        refused: `no CGCS2000 Gauss–Krüger zone with central meridian ${cm}° and false easting ${falseEasting} m`,
      };
}

function fromName(name: string): Declared {
  if (/CRS84$/i.test(name)) return { crs: 'EPSG:4326' };
  const m = /EPSG:{1,2}(\d{4,5})$/i.exec(name.trim());
  return m ? { crs: `EPSG:${m[1]}` } : { refused: `unrecognised CRS name ${JSON.stringify(name)}` };
}

export function declaredCrs(text: string): Declared {
  return /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)/i.test(text) ? fromWkt(text) : fromName(text);
}
