import type { LAYERS, LayerName, Provenance } from '@atlas/model';
import type { z } from 'zod';
import { PROVENANCE } from './extent.ts';

/**
 * A layer's feature, typed from the layer's own geometry and properties schemas (the
 * model's LayerFeature<L> infers most properties loosely through its generic `layer()`).
 */
export interface ProvinceFeature<L extends LayerName> {
  type: 'Feature';
  id: string;
  geometry: z.infer<(typeof LAYERS)[L]['geometry']>;
  properties: z.infer<(typeof LAYERS)[L]['properties']> & { provenance: Provenance };
}

/** Build a feature in one fixed key order; every feature shares the one provenance. */
export function feature<L extends LayerName>(
  _layer: L,
  id: string,
  geometry: ProvinceFeature<L>['geometry'],
  properties: Omit<ProvinceFeature<L>['properties'], 'provenance'>,
): ProvinceFeature<L> {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: { ...properties, provenance: PROVENANCE } as ProvinceFeature<L>['properties'],
  };
}

/** A zero-padded id such as sto-0000042. */
export function makeId(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/** An ISO date `offsetDays` after base (UTC arithmetic, so no time zone can shift it). */
export function isoDate(base: string, offsetDays: number): string {
  const MS_PER_DAY = 86_400_000;
  return new Date(Date.parse(`${base}T00:00:00Z`) + offsetDays * MS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}
