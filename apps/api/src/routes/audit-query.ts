import { z } from '@hono/zod-openapi';
import { schoolType } from '@atlas/model';

// The district filters as query parameters, shared by a run's findings pages and its
// summary so that both read them alike: lists comma-separated ("any of"; one value is a
// list of one), each value checked, a bad one answered 400 naming the parameter.

export const FINDING_STATUSES = ['violation', 'borderline', 'monitor'] as const;
const TOWNSHIP_CODE = /^\d{9}$/;
const CATEGORY = /^[a-z][a-z0-9_]*$/;

/** A comma-separated query parameter: a list of values each passing `item`. */
export const listParam = <T extends z.ZodType<string, string>>(
  name: string,
  item: T,
  description: string,
) =>
  z
    .string()
    .transform((raw) => raw.split(',').map((s) => s.trim()))
    .pipe(z.array(item).min(1))
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', description });

export const FilterParams = {
  category: listParam(
    'category',
    z.string().regex(CATEGORY, 'expected a category key such as tobacco'),
    'finding categories, comma-separated, any of (store categories, hazard types, water or pipeline kinds)',
  ),
  status: listParam(
    'status',
    z.enum(FINDING_STATUSES),
    `finding statuses, comma-separated, any of (${FINDING_STATUSES.join(', ')})`,
  ),
  schoolType: listParam(
    'schoolType',
    schoolType.schema,
    'types of the schools as stored now, comma-separated, any of',
  ),
  township: z
    .string()
    .regex(TOWNSHIP_CODE, 'expected a 9-digit township code')
    .optional()
    .openapi({ param: { name: 'township', in: 'query' }, description: '9-digit 乡镇街道 code' }),
};

/** The parsed filter parameters as the store's finding filter takes them. */
export const storeFilter = (q: {
  category?: string[];
  status?: string[];
  schoolType?: string[];
  township?: string;
}) => ({
  categories: q.category,
  statuses: q.status,
  schoolTypes: q.schoolType,
  township: q.township,
});
