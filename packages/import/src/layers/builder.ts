import type { CategoryMapper, CategoryResult } from '../categories.ts';
import { enumChoices, enumValue, type EnumName } from './enum-text.ts';

// What a layer builder gets (the parsed cells of one record, by field; only mapped
// fields are present) and gives back (model properties it could set, and problems).

export type Values = ReadonlyMap<string, unknown>;

export interface FieldProblem {
  field: string;
  reason: string;
  severity: 'error' | 'warning';
}

export interface Built {
  props: Record<string, unknown>;
  problems: FieldProblem[];
  /** For stores: the category text and what the mapper made of it (shown in the preview). */
  category?: { text: string; result: CategoryResult };
}

export interface BuildContext {
  mapCategories: CategoryMapper;
}

export interface LayerBuilder {
  /** Properties a new feature gets when the source does not provide them. */
  defaults: Record<string, unknown>;
  build(values: Values, ctx: BuildContext): Built;
}

/** Copy the mapped (present) fields straight across. */
export function copy(
  values: Values,
  props: Record<string, unknown>,
  fields: readonly string[],
): void {
  for (const field of fields) if (values.has(field)) props[field] = values.get(field);
}

export function str(values: Values, field: string): string | null {
  const v = values.get(field);
  return v === null || v === undefined ? null : String(v);
}

/** Set props[field] to the enum key the cell names; a problem when it names none. */
export function setEnum(
  values: Values,
  field: string,
  name: EnumName,
  props: Record<string, unknown>,
  problems: FieldProblem[],
): void {
  if (!values.has(field)) return;
  const text = str(values, field);
  if (text === null) return; // blank: the model says whether that is allowed
  const key = enumValue(name, text);
  if (key) props[field] = key;
  else
    problems.push({
      field,
      reason: `unknown value ${JSON.stringify(text)}; expected one of ${enumChoices(name)}`,
      severity: 'error',
    });
}

/** 监测员 + 电话 → a Person, or null. */
export function person(
  name: string | null,
  phone: string | null,
): { name: string; phone?: string } | null {
  if (!name) return null;
  return phone ? { name, phone } : { name };
}
