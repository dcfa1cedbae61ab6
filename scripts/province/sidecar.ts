import { readFile } from 'node:fs/promises';
import type { Bbox, LayerName, Position } from '@atlas/model';
import { LATEST_SCHEMA_VERSION } from '@atlas/store';

// The JSON written beside a province database: what was built (seed, scale, generator
// version), how many features, where the densest town is, and how long each layer took.
// A database is reused only when its sidecar matches the request.

/** Bump when the generator's output changes, so old databases are rebuilt, not reused. */
export const GENERATOR_VERSION = 1;

export interface ProvinceSidecar {
  generatorVersion: number;
  /** The store schema the file was written with: a newer store rebuilds rather than reuses. */
  schemaVersion: number;
  seed: number;
  scale: number;
  bbox: Bbox;
  densestTown: { name: string; centre: Position; radiusM: number };
  counts: Record<LayerName, number>;
  /** Wall time to generate and write each layer, milliseconds. */
  layerMs: Partial<Record<LayerName, number>>;
  builtAt: string;
}

/** province.duckdb → province.json (any other name gets .json appended). */
export function sidecarPath(dbPath: string): string {
  return dbPath.endsWith('.duckdb')
    ? `${dbPath.slice(0, -'.duckdb'.length)}.json`
    : `${dbPath}.json`;
}

/** The sidecar, or null when missing or unreadable (the database is then rebuilt). */
export async function readSidecar(dbPath: string): Promise<ProvinceSidecar | null> {
  try {
    const parsed = JSON.parse(await readFile(sidecarPath(dbPath), 'utf8')) as ProvinceSidecar;
    return typeof parsed.seed === 'number' && typeof parsed.scale === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

export function sidecarMatches(
  sidecar: ProvinceSidecar | null,
  seed: number,
  scale: number,
): sidecar is ProvinceSidecar {
  return (
    sidecar !== null &&
    sidecar.generatorVersion === GENERATOR_VERSION &&
    sidecar.schemaVersion === LATEST_SCHEMA_VERSION &&
    sidecar.seed === seed &&
    sidecar.scale === scale
  );
}
