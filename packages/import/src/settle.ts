import { LAYERS, type LayerFeature, type LayerName, type Provenance } from '@atlas/model';
import { BUILDERS } from './layers/index.ts';
import type { Identified } from './identity.ts';
import type { Problems } from './problems.ts';

// Stage: an identified candidate → the feature to store, validated by the model.
// An update starts from the stored feature, so fields a register does not carry (a
// school's campus and gates) are kept; a new feature starts from the layer's defaults.
// Each feature is then added, updated or unchanged (same geometry and properties, by
// value; provenance ignored).

export type Action = 'add' | 'update' | 'unchanged';

export interface Settled<L extends LayerName = LayerName> {
  row: number;
  feature: LayerFeature<L>;
  action: Action;
}

export interface StoredLookup {
  getMany<L extends LayerName>(layer: L, ids: readonly string[]): Promise<LayerFeature<L>[]>;
}

/** Deep equality of JSON-like values, ignoring object key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameValue(x, other[i]));
  }
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => k in rb && sameValue((a as Record<string, unknown>)[k], rb[k]));
}

function withoutProvenance(props: Record<string, unknown>): Record<string, unknown> {
  const { provenance: _drop, ...rest } = props;
  return rest;
}

export async function settle<L extends LayerName>(
  layer: L,
  batch: readonly Identified[],
  lookup: StoredLookup,
  provenance: Provenance,
  problems: Problems,
  columnOf: (field: string) => string,
): Promise<Settled<L>[]> {
  const stored = new Map<string, LayerFeature<L>>();
  for (const f of await lookup.getMany(
    layer,
    batch.map((c) => c.id),
  ))
    stored.set(f.id, f);
  const schema = LAYERS[layer].feature;
  const out: Settled<L>[] = [];
  for (const c of batch) {
    const before = stored.get(c.id);
    const base = before
      ? withoutProvenance(before.properties as Record<string, unknown>)
      : BUILDERS[layer].defaults;
    const properties = { ...base, ...c.props, provenance };
    const parsed = schema.safeParse({
      type: 'Feature',
      id: c.id,
      geometry: c.geometry,
      properties,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [top, field, ...rest] = issue.path.map(String);
        const where =
          top === 'properties' && field
            ? [columnOf(field), ...rest].join('.')
            : issue.path.join('.') || null;
        problems.error(c.row, where, issue.message);
      }
      continue;
    }
    const feature = parsed.data as LayerFeature<L>;
    let action: Action = 'add';
    if (before) {
      const same =
        sameValue(before.geometry, feature.geometry) &&
        sameValue(
          withoutProvenance(before.properties as Record<string, unknown>),
          withoutProvenance(feature.properties as Record<string, unknown>),
        );
      action = same ? 'unchanged' : 'update';
    }
    out.push({ row: c.row, feature, action });
  }
  return out;
}
