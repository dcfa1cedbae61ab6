// A declared CRS (a Shapefile's .prj WKT, a GeoJSON `crs` name) → a CrsCode, or a reason
// it cannot be used. CGCS2000 Gauss–Krüger zones map to their EPSG codes:
//
//   6° zones 13–23: EPSG:4491–4501 with the zone number in the easting (false easting
//                   n·10⁶ + 500 000 m), EPSG:4502–4512 without (CM 75°E … 135°E)
//   3° zones 25–45: EPSG:4513–4533 with it, EPSG:4534–4554 without (CM 75°E … 135°E)
//
// Xi'an 1980 and Beijing 1954 need a seven-parameter shift the atlas does not carry:
// they are refused by name rather than read as if they were CGCS2000.

export type Declared = { crs: string } | { refused: string };

const SIX_FIRST_ZONE = 13;
const SIX_LAST_ZONE = 23;
const THREE_FIRST_ZONE = 25;
const THREE_LAST_ZONE = 45;
const FALSE_EASTING_BASE_M = 500_000;
const ZONE_PREFIX_M = 1_000_000;

/** The EPSG code of a CGCS2000 GK zone, or null when outside China's zones. */
export function cgcs2000GkCode(widthDeg: 3 | 6, zone: number, zonePrefix: boolean): string | null {
  const [first, last, withPrefix, without] =
    widthDeg === 6 ? [SIX_FIRST_ZONE, SIX_LAST_ZONE, 4491, 4502] : [THREE_FIRST_ZONE, THREE_LAST_ZONE, 4513, 4534];
  if (!Number.isInteger(zone) || zone < first || zone > last) return null;
  return `EPSG:${(zonePrefix ? withPrefix : without) + zone - first}`;
}

function parameter(wkt: string, name: string): number | null {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
}

function fromWkt(wkt: string): Declared {
  const text = wkt.replace(/\s+/g, ' ');
  if (/xian|xi'an|1980/i.test(text)) return { refused: "Xi'an 1980 is not supported: convert to CGCS2000 first" };
  if (/beijing|1954/i.test(text)) return { refused: 'Beijing 1954 is not supported: convert to CGCS2000 first' };
  const cgcs = /CGCS|China_Geodetic|China Geodetic|China_2000/i.test(text);
  const wgs = /WGS[_ ]?(19)?84/i.test(text);
  if (!/^\s*PROJCS|PROJCRS/i.test(text)) {
    if (cgcs) return { crs: 'EPSG:4490' };
    if (wgs) return { crs: 'EPSG:4326' };
    return { refused: `unrecognised geographic CRS in .prj: ${text.slice(0, 80)}` };
  }
  if (!cgcs) return { refused: `unsupported projected CRS in .prj (only CGCS2000 Gauss–Krüger): ${text.slice(0, 80)}` };
  const cm = parameter(text, 'central_meridian');
  const falseEasting = parameter(text, 'false_easting');
  if (cm === null || falseEasting === null) return { refused: '.prj names no central meridian or false easting' };
  const width: 3 | 6 = /6[_ ]degree/i.test(text) ? 6 : 3;
  const zonePrefix = falseEasting > FALSE_EASTING_BASE_M;
  const zone = zonePrefix ? Math.round((falseEasting - FALSE_EASTING_BASE_M) / ZONE_PREFIX_M) : width === 6 ? (cm + 3) / 6 : cm / 3;
  const code = cgcs2000GkCode(width, zone, zonePrefix);
  return code ? { crs: code } : { refused: `no CGCS2000 ${width}° zone with central meridian ${cm}°` };
}

function fromName(name: string): Declared {
  if (/CRS84$/i.test(name)) return { crs: 'EPSG:4326' };
  const m = /EPSG:{1,2}(\d{4,5})$/i.exec(name.trim());
  return m ? { crs: `EPSG:${m[1]}` } : { refused: `unrecognised CRS name ${JSON.stringify(name)}` };
}

export function declaredCrs(text: string): Declared {
  return /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)/i.test(text) ? fromWkt(text) : fromName(text);
}
