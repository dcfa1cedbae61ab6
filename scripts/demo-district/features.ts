import type { LAYERS, LayerName, Provenance } from '@atlas/model';
import type { z } from 'zod';

// Feature builders shared by every stage: one fixed key order (type, id, geometry,
// properties … provenance) so the written files are byte-stable, and a provenance that
// always says the data is fictional (虚构演示数据).

/** A fixed import time, so that the same seed gives byte-identical files. */
export const IMPORTED_AT = '2024-10-01T08:00:00+08:00';

export function provenance(seed: number, sourceDetail: string, originalCrs = 'EPSG:4326') {
  const p: Provenance = {
    source: `虚构演示数据 · ${sourceDetail} · 演示生成器 seed ${seed}`,
    importedAt: IMPORTED_AT,
    originalCrs,
  };
  return p;
}

/**
 * A layer's feature, typed from the layer's own geometry and properties schemas. (The
 * model's LayerFeature<L> currently infers most properties as unknown, because `extend`
 * on a generic ZodObject loses the shape; this derives the same shape without that loss.)
 */
export interface DemoFeature<L extends LayerName> {
  type: 'Feature';
  id: string;
  geometry: z.infer<(typeof LAYERS)[L]['geometry']>;
  properties: z.infer<(typeof LAYERS)[L]['properties']> & { provenance: Provenance };
}

export function feature<L extends LayerName>(
  _layer: L,
  id: string,
  geometry: DemoFeature<L>['geometry'],
  properties: DemoFeature<L>['properties'],
): DemoFeature<L> {
  return { type: 'Feature', id, geometry, properties };
}

/** A zero-padded id such as sch-007 or sto-0042. */
export function makeId(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/** A fictional mobile number in the 138-0000 block (commonly reserved for examples). */
export function fakePhone(n: number): string {
  return `1380000${String(n % 10_000).padStart(4, '0')}`;
}
