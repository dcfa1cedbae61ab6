import type { Bbox, LayerFeature } from '@atlas/model';
import type { AuditInput, AuditRoad, AuditSchool } from '../input.ts';

// Read what an audit needs from a store (anything that can scan layers: @atlas/store's
// AtlasStore fits). I/O sits behind this one small interface so the audit itself stays pure.
// A filter narrows the schools; every target is loaded (the audit only measures near schools).

type AuditLayer = 'schools' | 'stores' | 'hazards' | 'water' | 'pipelines' | 'roads';

export interface AuditSource {
  scan<L extends AuditLayer>(layer: L): AsyncIterable<LayerFeature<L>[]>;
}

export interface AuditFilter {
  /** Only these school ids. */
  schools?: readonly string[] | null;
  /** Only schools whose point, outline or gates touch this [w, s, e, n] box. */
  bbox?: Bbox | null;
}

export type LoadedInput = Required<AuditInput> & { roads: AuditRoad[] };

/** Every feature of one layer. */
export async function loadLayer<L extends AuditLayer>(source: AuditSource, layer: L) {
  const out: LayerFeature<L>[] = [];
  for await (const batch of source.scan(layer)) for (const f of batch) out.push(f);
  return out;
}

function touches(school: AuditSchool, [w, s, e, n]: Bbox): boolean {
  const inside = (p: readonly number[]) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
  if (inside(school.geometry.coordinates)) return true;
  if (school.properties.gates.some((g) => inside(g.position))) return true;
  const campus = school.properties.campus;
  if (!campus) return false;
  const rings = campus.type === 'Polygon' ? campus.coordinates : campus.coordinates.flat();
  // box overlap of the outline: an outline that surrounds the box touches it too
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const p of ring) {
      x0 = Math.min(x0, p[0]);
      y0 = Math.min(y0, p[1]);
      x1 = Math.max(x1, p[0]);
      y1 = Math.max(y1, p[1]);
    }
  return x0 <= e && x1 >= w && y0 <= n && y1 >= s;
}

export function selectSchools(schools: AuditSchool[], filter: AuditFilter): AuditSchool[] {
  const ids = filter.schools ? new Set(filter.schools) : null;
  const bbox = filter.bbox ?? null;
  return schools.filter((s) => (!ids || ids.has(s.id)) && (!bbox || touches(s, bbox)));
}

export async function loadAuditInput(
  source: AuditSource,
  filter: AuditFilter = {},
): Promise<LoadedInput> {
  const [schools, stores, hazards, water, pipelines, roads] = [
    await loadLayer(source, 'schools'),
    await loadLayer(source, 'stores'),
    await loadLayer(source, 'hazards'),
    await loadLayer(source, 'water'),
    await loadLayer(source, 'pipelines'),
    await loadLayer(source, 'roads'),
  ];
  return { schools: selectSchools(schools, filter), stores, hazards, water, pipelines, roads };
}
