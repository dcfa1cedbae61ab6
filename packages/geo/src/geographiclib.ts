import geographiclib from 'geographiclib-geodesic';

// geographiclib-geodesic is a CommonJS bundle: plain Node ESM (tsx, the API server) sees only its
// default export, so named imports work under Vite but crash at runtime elsewhere. Import it once, here.
export const { Geodesic, GeodesicLine } = geographiclib;

/** The WGS84 ellipsoid (GeographicLib, Karney 2013): geodesics accurate to nanometres. */
export const WGS84 = Geodesic.WGS84;

// Output masks, named for what each call needs back.
export const DISTANCE = Geodesic.DISTANCE;
export const AZIMUTH = Geodesic.AZIMUTH;
export const LAT_LNG = Geodesic.LATITUDE | Geodesic.LONGITUDE;
export const LAT_LNG_AZIMUTH = LAT_LNG | AZIMUTH;
/** Capabilities of a GeodesicLine that is walked by distance and reports position and azimuth. */
export const LINE_WALK = LAT_LNG_AZIMUTH | Geodesic.DISTANCE_IN;
