import { POSTGIS_LAYERS, type PostgisLayer } from './layers.ts';

// One tile as one query, the way PostGIS tile servers cut it: for each layer the rows whose
// box meets the tile grown by the buffer, ST_AsMVTGeom (transform to tile units, clip,
// snap) and ST_AsMVT; the layers' bytes concatenated make one MVT tile.

/** Tile units per side, as our own tiles. */
export const EXTENT = 4096;
/** Clipping buffer in tile units, as our own tiles. */
export const BUFFER = 64;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

function layerSql(spec: PostgisLayer): string {
  const props = spec.columns.map((c) => `l.${q(c)}`).join(', ');
  return `coalesce((SELECT ST_AsMVT(t, '${spec.table}', ${EXTENT}, 'geom', 'fid') FROM (
    SELECT l.fid, ${props}, ST_AsMVTGeom(l.geom, b.env, ${EXTENT}, ${BUFFER}, true) AS geom
    FROM ${q(spec.table)} l, b WHERE l.geom && b.clip) t), ''::bytea)`;
}

/** Parameters $1, $2, $3: z, x, y. Returns one row with one bytea column, `tile`. */
export const TILE_SQL = `WITH b AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_TileEnvelope($1, $2, $3, margin => ${BUFFER / EXTENT}) AS clip)
SELECT ${POSTGIS_LAYERS.map(layerSql).join('\n  || ')} AS tile`;
