import type { TileCoord } from '@atlas/tiles';
import { summarise, summariseSubset, type Summary } from '../stats.ts';
import type { PassResult } from './timing.ts';

// A pass summarised as the tiles bench summarises its own runs: the whole list, z14–16
// and the issue's mixed z10–16 list.

const DETAIL_MIN_ZOOM = 14;
/** The issue's mixed list for its PostGIS figures: z10–16. */
export const MIXED_MIN_ZOOM = 10;

export interface PostgisRun {
  /** e.g. 'cold c16' over the whole list, 'warm c1 z10-16' over its z10–16 part. */
  name: string;
  /** Which list: 'all' or 'z10-16'. */
  list: string;
  /** Tiles in the list. */
  tiles: number;
  concurrency: number;
  cold: boolean;
  all: Summary;
  z14to16: Summary;
  z10to16: Summary;
}

export function runReport(
  list: string,
  tiles: readonly TileCoord[],
  r: PassResult,
  concurrency: number,
  cold: boolean,
): PostgisRun {
  return {
    name: `${cold ? 'cold' : 'warm'} c${concurrency}${list === 'all' ? '' : ` ${list}`}`,
    list,
    tiles: tiles.length,
    concurrency,
    cold,
    all: summarise(r.latenciesMs, r.bytes, r.wallMs),
    z14to16: summariseSubset(tiles, r, (t) => t.z >= DETAIL_MIN_ZOOM),
    z10to16: summariseSubset(tiles, r, (t) => t.z >= MIXED_MIN_ZOOM),
  };
}

/** One line per run, the columns of the tiles bench. */
export function formatRun(r: PostgisRun): string {
  const a = r.all;
  return (
    `${`postgis ${r.name}`.padEnd(25)} p50 ${a.p50Ms} ms  p95 ${a.p95Ms} ms  max ${a.maxMs} ms  ` +
    `${a.tilesPerS} tiles/s  mean ${a.meanBytes} B  max ${a.maxBytes} B  | z14–16 p50 ` +
    `${r.z14to16.p50Ms} p95 ${r.z14to16.p95Ms} ms | z10–16 ${r.z10to16.tilesPerS} tiles/s`
  );
}
