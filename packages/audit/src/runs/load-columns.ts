import type { ResolvedProfile } from '@atlas/rules';
import { compileProfile } from '../compile.ts';
import type { ColumnarAuditInput } from '../input.ts';
import { ENTERTAINMENT_SUBTYPES, STORE_CATEGORIES } from '../store-columns.ts';
import type { StoreColumns } from '../store-columns.ts';
import { loadLayer, selectSchools } from './load-input.ts';
import type { AuditFilter, AuditSource, LoadedInput } from './load-input.ts';

// The province-scale loader: stores as typed columns read straight from the store's columns
// (only those in a category some rule of the profile names, since no other store can be a
// finding), every other layer as features. @atlas/store's AtlasStore fits.

export interface StoreColumnsSource extends AuditSource {
  auditStoreColumns(q: {
    categories: readonly string[];
    holdingOneOf?: readonly string[];
    subtypes: readonly string[];
  }): Promise<StoreColumns>;
}

export type LoadedColumnarInput = Omit<LoadedInput, 'stores'> & ColumnarAuditInput;

export function canLoadColumns(source: AuditSource): source is StoreColumnsSource {
  return typeof (source as Partial<StoreColumnsSource>).auditStoreColumns === 'function';
}

/** The store categories some store rule of the profile looks at. */
export function ruleCategories(profile: ResolvedProfile): string[] {
  const mask = compileProfile(profile, true).storeCategoryMask;
  return STORE_CATEGORIES.filter((_, i) => (mask & (2 ** i)) !== 0);
}

export async function loadAuditColumns(
  source: StoreColumnsSource,
  profile: ResolvedProfile,
  filter: AuditFilter = {},
): Promise<LoadedColumnarInput> {
  // one scan per layer, side by side: DuckDB reads the next while JS decodes this one
  const [stores, schools, hazards, water, pipelines, roads] = await Promise.all([
    source.auditStoreColumns({
      categories: STORE_CATEGORIES,
      holdingOneOf: ruleCategories(profile),
      subtypes: ENTERTAINMENT_SUBTYPES,
    }),
    loadLayer(source, 'schools'),
    loadLayer(source, 'hazards'),
    loadLayer(source, 'water'),
    loadLayer(source, 'pipelines'),
    loadLayer(source, 'roads'),
  ]);
  return { schools: selectSchools(schools, filter), stores, hazards, water, pipelines, roads };
}
