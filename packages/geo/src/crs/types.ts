import type { Position } from '@atlas/model';

// Positions in the obfuscated Chinese web-map systems, branded so that a GCJ-02 or BD-09 pair
// can never be passed where WGS84 is expected (or vice versa) without an explicit conversion.
// Order is still [lng, lat].
export type Gcj02Position = readonly [lng: number, lat: number] & { readonly __crs: 'GCJ-02' };
export type Bd09Position = readonly [lng: number, lat: number] & { readonly __crs: 'BD-09' };

/** Marks a raw [lng, lat] read from an Amap/Tencent/Google-China source as GCJ-02. */
export const gcj02 = (p: readonly [number, number]) => [p[0], p[1]] as unknown as Gcj02Position;
/** Marks a raw [lng, lat] read from a Baidu source as BD-09. */
export const bd09 = (p: readonly [number, number]) => [p[0], p[1]] as unknown as Bd09Position;

export const wgs84 = (lng: number, lat: number): Position => [lng, lat];
