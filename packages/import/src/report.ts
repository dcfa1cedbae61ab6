import { z } from 'zod';
import { DataProblem, LayerNameSchema } from '@atlas/model';

// What an import (preview or commit) reports: written once here, as zod, for the CLI,
// the API's responses and OpenAPI, and the upload dialog.

export const FormatSchema = z.enum([
  'csv',
  'xlsx',
  'geojson',
  'geojsonseq',
  'shapefile',
  'kml',
  'kmz',
  'gpx',
]);

export const CrsReport = z.object({
  crs: z.string().nullable().describe('CRS the coordinates are read in (null: undecided)'),
  basis: z.enum(['user', 'file', 'suggested', 'detected', 'default']).nullable(),
  reason: z.string(),
  confirmed: z.boolean().describe('false: offered — a commit needs the user to confirm it'),
});

export const SwapReport = z.object({
  swap: z.boolean(),
  offered: z.boolean().describe('x/y look swapped: confirm with swapXY'),
  reason: z.string().nullable(),
});

export const ColumnMatchSchema = z.object({
  field: z.string(),
  column: z.string(),
  confidence: z.enum(['sure', 'unsure', 'user']),
});

export const CategoryMappingRow = z.object({
  text: z.string().describe('category text as the source writes it ("" when none)'),
  categories: z.array(z.string()),
  subtype: z.string().nullable(),
  matched: z.array(z.string()).describe('keywords or labels that matched'),
  rows: z.number().int(),
});

export const Counts = z.object({
  rows: z.number().int().describe('records read'),
  valid: z.number().int(),
  invalid: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removedFromSource: z
    .number()
    .int()
    .describe('stored features from the same source not in this file'),
  removed: z
    .number()
    .int()
    .describe('of those, deleted (would be, in a preview) because replace was set; else 0'),
  errors: z.number().int(),
  warnings: z.number().int(),
});

export const PreviewRow = z.object({
  row: z.number().int(),
  fields: z.record(z.string(), z.unknown()).describe('the record as read'),
  feature: z.unknown().nullable().describe('the feature it becomes (null: it has errors)'),
  action: z.enum(['add', 'update', 'unchanged']).nullable(),
});

export const ImportReport = z.object({
  mode: z.enum(['preview', 'commit']),
  layer: LayerNameSchema,
  source: z.string().describe('provenance source label'),
  committed: z.boolean().describe('true only when the commit wrote everything'),
  file: z.object({
    name: z.string(),
    bytes: z.number().int(),
    format: FormatSchema.nullable(),
    encoding: z.string().nullable(),
    encodingBasis: z.string().nullable(),
  }),
  columns: z.array(z.string()),
  mapping: z.object({
    matches: z.array(ColumnMatchSchema),
    missing: z.array(z.string()),
    unused: z.array(z.string()),
  }),
  crs: CrsReport.nullable(),
  swap: SwapReport.nullable(),
  categories: z.array(CategoryMappingRow).describe('stores only: how category texts were mapped'),
  counts: Counts,
  rows: z.array(PreviewRow).describe('the first rows, for the preview table and map'),
  problems: z.array(DataProblem),
  problemsTruncated: z.boolean(),
  removedIds: z
    .array(z.string())
    .describe('first ids counted in removedFromSource (and deleted, when replace was set)'),
  elapsedMs: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportProgress = z.object({
  phase: z.enum(['reading', 'writing', 'done']),
  rows: z.number().int(),
  bytesRead: z.number().int().nullable(),
  totalBytes: z.number().int(),
  elapsedMs: z.number(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
