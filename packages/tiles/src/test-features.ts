import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LayerFeature, Position } from '@atlas/model';
import { readShippedProfiles, resolveFromLibrary, type ResolvedProfile } from '@atlas/rules';
import type { ShapeRecord } from './records.ts';
import { TileParts } from './tile-parts.ts';
import { shapeInTile, type TileFrame } from './to-tile.ts';

// Test support: small atlas features of the shapes tiles care about, and a decoder.

const provenance = {
  source: '测试',
  importedAt: '2026-11-23T08:00:00+08:00',
  originalCrs: 'EPSG:4326',
};

export function store(i: number, [lng, lat]: Position, categories = ['tobacco', 'liquor']) {
  return {
    type: 'Feature',
    id: `sto-${i}`,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      name: `商店 ${i}`,
      categories,
      entertainmentSubtype: null,
      licenceNo: null,
      licenceExpiry: null,
      address: '',
      uncertaintyM: 5,
      adminCode: null,
      provenance,
    },
  } as LayerFeature<'stores'>;
}

/** A primary school with a square campus of side sizeDeg around (lng, lat) and a main gate. */
export function school(n: number, [lng, lat]: Position, sizeDeg = 0.002) {
  const h = sizeDeg / 2;
  const id = `sch-${n}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      code: `420106${String(n).padStart(4, '0')}`,
      name: `学校 ${n}`,
      type: 'primary',
      address: '',
      students: 600,
      boarding: false,
      campus: {
        type: 'Polygon',
        coordinates: [
          [
            [lng - h, lat - h],
            [lng + h, lat - h],
            [lng + h, lat + h],
            [lng - h, lat + h],
            [lng - h, lat - h],
          ],
        ],
      },
      gates: [{ id: `${id}-g1`, kind: 'main', studentUse: true, position: [lng, lat - h] }],
      adminCode: '420106002000',
      provenance,
    },
  } as LayerFeature<'schools'>;
}

export function road(id: string, coordinates: Position[], cls = 'national' as const) {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates },
    properties: { name: `路 ${id}`, class: cls, walkable: true, provenance },
  } as LayerFeature<'roads'>;
}

/** A square pond of side sizeDeg centred at (lng, lat), with an optional square hole. */
export function pond(id: string, [lng, lat]: Position, sizeDeg: number, holeDeg = 0) {
  const square = (h: number, clockwise: boolean): Position[] => {
    const ring: Position[] = [
      [lng - h, lat - h],
      [lng + h, lat - h],
      [lng + h, lat + h],
      [lng - h, lat + h],
      [lng - h, lat - h],
    ];
    return clockwise ? ring.reverse() : ring;
  };
  const rings = [square(sizeDeg / 2, false)];
  if (holeDeg > 0) rings.push(square(holeDeg / 2, true));
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: rings },
    properties: {
      name: `塘 ${id}`,
      kind: 'pond',
      safety: {
        warningSign: true,
        lifebuoy: false,
        lifeRope: false,
        lifePole: false,
        guardrail: false,
      },
      responsibleUnit: '',
      responsiblePerson: null,
      adminCode: null,
      provenance,
    },
  } as LayerFeature<'water'>;
}

/** The shipped Hubei profile, resolved (no roads: straight-line distances). */
export function hubeiProfile(): ResolvedProfile {
  const outcome = resolveFromLibrary(
    'hubei',
    { shipped: readShippedProfiles(), user: [] },
    { hasRoads: false },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.profile;
}

export function decode(body: Uint8Array | null): VectorTile {
  if (!body) throw new Error('decode: expected tile bytes, got an empty tile');
  return new VectorTile(new PbfReader(body));
}

/** A seeded PRNG (mulberry32) so random tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** shapeInTile's parts of a record, as arrays. */
export function partsInTile(record: ShapeRecord, frame: TileFrame) {
  const out = new TileParts();
  shapeInTile(record, frame, out);
  const parts: number[][] = [];
  for (let i = 0; i < out.count; i++) parts.push(out.coords.slice(out.start(i), out.ends[i]));
  return { parts, outer: out.outer.slice(0, out.count) };
}
