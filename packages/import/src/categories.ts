import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { entertainmentSubtype, storeCategory, type StoreCategory } from '@atlas/model';

// Store categories from what registers say: keyword rules kept as data
// (data/import/category-keywords.json), applied to the category text, the name and the
// licence scope. The model's own keys and labels (internet_cafe, 网吧 …) match too, so an
// atlas export re-imports unchanged. An explicit mapping of a category text wins.

export const CATEGORY_KEYWORDS_PATH = resolve(
  import.meta.dirname,
  '../../../data/import/category-keywords.json',
);

const Rule = z.object({
  keywords: z.array(z.string().min(1)).min(1),
  categories: z.array(storeCategory.schema).min(1),
  subtype: entertainmentSubtype.schema.optional(),
});
export const CategoryRules = z.object({ about: z.string().optional(), rules: z.array(Rule) });
export type CategoryRules = z.infer<typeof CategoryRules>;

export interface CategoryResult {
  categories: StoreCategory[];
  subtype: z.infer<typeof entertainmentSubtype.schema> | null;
  /** The keywords (or labels) that matched, for the preview. */
  matched: string[];
}

/** Read and validate a rules file; throws naming the file and the bad entry. */
export function loadCategoryRules(path = CATEGORY_KEYWORDS_PATH): CategoryRules {
  const parsed = CategoryRules.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

const SEPARATORS = /[、,，;；|/\s]+/;

/** A mapper over a rule set; explicit maps an exact category text to categories. */
export function categoryMapper(
  rules: CategoryRules,
  explicit: Record<string, StoreCategory[]> = {},
) {
  const labelToKey = new Map<string, StoreCategory>();
  for (const [key, label] of Object.entries(storeCategory.labels)) {
    labelToKey.set(key, key as StoreCategory);
    labelToKey.set(label, key as StoreCategory);
  }
  const upper = rules.rules.map((rule) => ({
    rule,
    keywords: rule.keywords.map((k) => k.toUpperCase()),
  }));
  return (texts: { category?: string; name?: string; scope?: string }): CategoryResult => {
    const chosen = texts.category ? explicit[texts.category.trim()] : undefined;
    if (chosen)
      return { categories: [...chosen], subtype: null, matched: [`mapping: ${texts.category}`] };
    const categories = new Set<StoreCategory>();
    const matched: string[] = [];
    let subtype: CategoryResult['subtype'] = null;
    for (const token of (texts.category ?? '').split(SEPARATORS)) {
      const key = labelToKey.get(token);
      if (key && key !== 'other') {
        categories.add(key);
        matched.push(token);
      }
    }
    const haystack = [texts.category, texts.name, texts.scope]
      .filter(Boolean)
      .join(' ')
      .toUpperCase();
    for (const { rule, keywords } of upper) {
      const at = keywords.findIndex((k) => haystack.includes(k));
      if (at < 0) continue;
      const hit = rule.keywords[at]!;
      rule.categories.forEach((c) => categories.add(c));
      matched.push(hit);
      subtype ??= rule.subtype ?? null;
    }
    if (categories.has('entertainment')) subtype ??= 'other';
    else subtype = null;
    return { categories: categories.size ? [...categories] : ['other'], subtype, matched };
  };
}
export type CategoryMapper = ReturnType<typeof categoryMapper>;
