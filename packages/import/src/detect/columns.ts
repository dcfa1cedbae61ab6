import { LAYER_SPECS, type FieldSpec } from '../layers/specs.ts';
import type { LayerName } from '@atlas/model';
import { headerText, normaliseText } from './headers.ts';

// Which column holds which field. Each field lists the header texts bureaus use, best
// first (layers/specs.ts). A header equal to one of them is a sure match; a header that
// merely contains one is unsure and is shown for confirmation. Each column serves at
// most one field. An explicit mapping from the user always wins.

export type Confidence = 'sure' | 'unsure' | 'user';

export interface ColumnMatch {
  field: string;
  column: string;
  confidence: Confidence;
}

export interface ColumnMapping {
  matches: ColumnMatch[];
  /** Required fields with no column. */
  missing: string[];
  /** Columns no field uses. */
  unused: string[];
}

/** The x/y columns come first in every layer: position in degrees or metres. */
export const COORDINATE_FIELDS: readonly FieldSpec[] = [
  {
    field: 'x',
    kind: 'number',
    required: false,
    synonyms: [
      '经度',
      'lng',
      'lon',
      'long',
      'longitude',
      'x',
      'x坐标',
      'easting',
      '东坐标',
      '横坐标',
      'point_x',
      'jd',
    ],
  },
  {
    field: 'y',
    kind: 'number',
    required: false,
    synonyms: [
      '纬度',
      'lat',
      'latitude',
      'y',
      'y坐标',
      'northing',
      '北坐标',
      '纵坐标',
      'point_y',
      'wd',
    ],
  },
];

export function fieldsOf(layer: LayerName): readonly FieldSpec[] {
  return [...COORDINATE_FIELDS, ...LAYER_SPECS[layer].fields];
}

/** Rank of a header against a field: lower is better; null when it does not match. */
function rank(header: string, spec: FieldSpec): { score: number; sure: boolean } | null {
  const { main, notes } = headerText(header);
  const candidates = [main, ...notes];
  const synonyms = [...spec.synonyms, spec.field]; // the model's own key too (exports)
  for (const [i, synonym] of synonyms.entries()) {
    if (candidates.includes(normaliseText(synonym))) return { score: i, sure: true };
  }
  for (const [i, synonym] of synonyms.entries()) {
    const s = normaliseText(synonym);
    // Single Latin letters (x, y) would match far too much as a substring.
    if (s.length >= 2 && main.includes(s)) return { score: 100 + i, sure: false };
  }
  return null;
}

/** How many cells of a row look like headers of this layer (finds the header row). */
export function headerScore(layer: LayerName, cells: readonly unknown[]): number {
  const fields = fieldsOf(layer);
  return cells.filter((c) => typeof c === 'string' && fields.some((f) => rank(c, f)?.sure)).length;
}

export function detectColumns(
  layer: LayerName,
  columns: readonly string[],
  explicit: Record<string, string> = {},
): ColumnMapping {
  const fields = fieldsOf(layer);
  const taken = new Set<string>();
  const matches: ColumnMatch[] = [];
  for (const [field, column] of Object.entries(explicit)) {
    if (!fields.some((f) => f.field === field)) continue; // reported by the caller
    matches.push({ field, column, confidence: 'user' });
    taken.add(column);
  }
  const candidates: { field: string; column: string; score: number; sure: boolean }[] = [];
  for (const spec of fields) {
    if (spec.field in explicit) continue;
    for (const column of columns) {
      const r = rank(column, spec);
      if (r) candidates.push({ field: spec.field, column, ...r });
    }
  }
  candidates.sort((a, b) => a.score - b.score);
  const done = new Set(matches.map((m) => m.field));
  for (const c of candidates) {
    if (done.has(c.field) || taken.has(c.column)) continue;
    matches.push({ field: c.field, column: c.column, confidence: c.sure ? 'sure' : 'unsure' });
    done.add(c.field);
    taken.add(c.column);
  }
  const order = fields.map((f) => f.field);
  matches.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return {
    matches,
    missing: fields.filter((f) => f.required && !done.has(f.field)).map((f) => f.field),
    unused: columns.filter((c) => !taken.has(c)),
  };
}

/** field → column, for reading records. */
export function columnOf(mapping: ColumnMapping): Map<string, string> {
  return new Map(mapping.matches.map((m) => [m.field, m.column]));
}
