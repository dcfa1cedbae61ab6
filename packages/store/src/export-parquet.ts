import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LAYER_NAMES, type LayerName } from '@atlas/model';

// The whole database as one Parquet file per layer, written by DuckDB's COPY. DuckDB
// writes GEOMETRY columns as WKB with GeoParquet 1.0 `geo` metadata (encoding, types,
// bbox; no crs member, which GeoParquet reads as OGC:CRS84, i.e. WGS84 [lng, lat]).

export interface ParquetFile {
  layer: LayerName;
  path: string;
  rows: number;
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export async function copyLayersToParquet(
  c: DuckDBConnection,
  dir: string,
): Promise<ParquetFile[]> {
  const files: ParquetFile[] = [];
  for (const layer of LAYER_NAMES) {
    const path = join(dir, `${layer}.parquet`);
    const result = await c.run(
      `COPY (SELECT * FROM ${layer} ORDER BY id) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    files.push({ layer, path, rows: result.rowsChanged });
  }
  return files;
}
