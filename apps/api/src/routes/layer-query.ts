import { z } from '@hono/zod-openapi';
import type { Bbox } from '@atlas/model';

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

export const LayerQuery = z.object({
  bbox: BboxParam.optional(),
  limit: limitParam(),
  cursor: CursorParam,
});
