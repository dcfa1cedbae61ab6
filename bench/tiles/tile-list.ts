import type { Bbox, Position } from '@atlas/model';
import { latToY, lngToX, type TileCoord } from '@atlas/tiles';
import { mulberry32 } from '../../scripts/lib/rng.ts';

// The fixed tile list: per zoom 6–16, tiles under seeded random points, half within the
// densest town's radius and half anywhere in the province; duplicates dropped.

export const LIST_SEED = 4;
export const ZOOMS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const POINTS_PER_ZOOM = 30;
const METRES_PER_DEGREE = 111_320;

function tileAt([lng, lat]: Position, z: number): TileCoord {
  const n = 2 ** z;
  return { z, x: Math.floor(lngToX(lng) * n), y: Math.floor(latToY(lat) * n) };
}

export function tileList(town: { centre: Position; radiusM: number }, province: Bbox): TileCoord[] {
  const { next: random } = mulberry32(LIST_SEED);
  const seen = new Set<string>();
  const out: TileCoord[] = [];
  const radiusDeg = town.radiusM / METRES_PER_DEGREE;
  for (const z of ZOOMS) {
    for (let i = 0; i < POINTS_PER_ZOOM; i++) {
      const inTown = i % 2 === 0;
      const p: Position = inTown
        ? [
            town.centre[0] + (random() * 2 - 1) * radiusDeg,
            town.centre[1] + (random() * 2 - 1) * radiusDeg,
          ]
        : [
            province[0] + random() * (province[2] - province[0]),
            province[1] + random() * (province[3] - province[1]),
          ];
      const t = tileAt(p, z);
      const key = `${t.z}/${t.x}/${t.y}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(t);
      }
    }
  }
  return out;
}
