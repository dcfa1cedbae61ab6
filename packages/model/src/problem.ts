import { z } from 'zod';

/** One thing wrong with user data: where (row, field) and why. */
export const DataProblem = z.object({
  row: z.number().int().nullable().describe('1-based row or feature number; null for file-level'),
  field: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type DataProblem = z.infer<typeof DataProblem>;

/** RFC 9457 problem details, as every API error is returned. */
export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  problems: z.array(DataProblem).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** Turn zod issues into data problems naming the field path. */
export function problemsFromZod(error: z.ZodError, row: number | null = null): DataProblem[] {
  return error.issues.map((issue) => ({
    row,
    field: issue.path.length ? issue.path.join('.') : null,
    reason: issue.message,
    severity: 'error',
  }));
}
