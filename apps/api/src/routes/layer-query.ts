import { z } from '@hono/zod-openapi';
import type { Bbox, LayerName } from '@atlas/model';
import { LAYER_SORTS, layerFields } from '@atlas/store';
import type { LayerField } from '@atlas/store';
import { ApiProblem } from '../problem.ts';

// Query parameters of the layer API, parsed from strings with precise messages.

const BBOX_PARTS = 4;
export const MAX_LIMIT = 10_000;
export const DEFAULT_LIMIT = 1_000;

export const BboxParam = z
  .string()
  .transform((raw, ctx): Bbox => {
    const parts = raw.split(',').map((s) => s.trim());
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (parts.length !== BBOX_PARTS) {
      return fail(`bbox must be 4 numbers "west,south,east,north", got ${parts.length} value(s)`);
    }
    const nums = parts.map((p) => (p === '' ? NaN : Number(p)));
    const bad = nums.findIndex((n) => !Number.isFinite(n));
    if (bad >= 0) return fail(`bbox value ${bad + 1} ("${parts[bad]}") is not a number`);
    const [w, s, e, n] = nums as [number, number, number, number];
    if (w < -180 || e > 180 || w > 180 || e < -180)
      return fail('bbox longitude must be within ±180');
    if (s < -90 || n > 90 || s > 90 || n < -90) return fail('bbox latitude must be within ±90');
    if (w > e) return fail('bbox west must not exceed east');
    if (s > n) return fail('bbox south must not exceed north');
    return [w, s, e, n];
  })
  .openapi({
    param: { name: 'bbox', in: 'query' },
    example: '111.2,30.7,111.4,30.9',
    type: 'string',
  });

/** `limit` query parameter: 1..max, with a default. */
export function limitParam(max = MAX_LIMIT, byDefault = DEFAULT_LIMIT) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(byDefault)
    .openapi({ param: { name: 'limit', in: 'query' }, example: byDefault });
}

/** `cursor` query parameter: the nextCursor of the previous page. */
export const CursorParam = z
  .string()
  .max(512)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'nextCursor of the previous page',
  });

/** Longest layer cursor: a name cursor carries the last name (UTF-8 in base64url) and id. */
const LAYER_CURSOR_CHARS_MAX = 2048;
/** Most properties one `fields` list may name (more than any layer has). */
const FIELDS_MAX = 32;

/** `cursor` of a layer page: longer than CursorParam allows, for names. */
const LayerCursorParam = z
  .string()
  .max(LAYER_CURSOR_CHARS_MAX)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'nextCursor of the previous page, asked for with the same sort',
  });

export const SortParam = z
  .enum(LAYER_SORTS)
  .default('id')
  .openapi({
    param: { name: 'sort', in: 'query' },
    description:
      'id (default): id order. name: the `name` property in pinyin order (ICU collation zh: ' +
      'digits, then Han by pinyin, one reading per character, then Latin), ties by id. ' +
      'Pass nextCursor back with the same sort.',
    example: 'name',
  });

/** `fields`: comma-separated property names, checked against the layer by layerFieldsOf. */
export const FieldsParam = z
  .string()
  .transform((raw, ctx) => {
    const names = [...new Set(raw.split(',').map((f) => f.trim()))];
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (names.includes('')) {
      return fail(
        'fields are property names separated by commas (e.g. name,address); one is empty',
      );
    }
    if (names.length > FIELDS_MAX) return fail(`at most ${FIELDS_MAX} fields`);
    return names;
  })
  .optional()
  .openapi({
    param: { name: 'fields', in: 'query' },
    type: 'string',
    description:
      'Comma-separated properties to return (e.g. name,address); the others are left out and ' +
      "each feature's geometry becomes one Point: its own point on point layers (schools, " +
      'stores, hazards), else the centre of its bounding box. Unknown names are a 400.',
    example: 'name,address',
  });

export const LayerQuery = z.object({
  bbox: BboxParam.optional(),
  limit: limitParam(),
  cursor: LayerCursorParam,
  sort: SortParam,
  fields: FieldsParam,
});

/** The requested fields as the layer's own, or a 400 naming each unknown one. */
export function layerFieldsOf<L extends LayerName>(
  layer: L,
  requested: readonly string[],
): LayerField<L>[] {
  const known = layerFields(layer);
  const result = z
    .array(
      z.enum(known as [LayerField<L>, ...LayerField<L>[]], {
        error: (issue) =>
          `unknown field ${JSON.stringify(issue.input)} for layer ${layer}; ` +
          `fields are ${known.join(', ')}`,
      }),
    )
    .safeParse(requested);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    row: null,
    field: 'fields',
    reason: issue.message,
    severity: 'error' as const,
  }));
  throw new ApiProblem(
    400,
    'invalid-request',
    '请求参数无效 Invalid request',
    `Invalid fields: ${problems.map((p) => p.reason).join('; ')}`,
    problems,
  );
}
