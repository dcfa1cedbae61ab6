import { z } from 'zod';
import { CrsCode, LayerNameSchema, storeCategory } from '@atlas/model';

// What the user may choose for an import — the same for the CLI, the API and the dialog.

/** Short names people type for the usual CRSs; anything else must be a CrsCode. */
const CRS_ALIASES: Record<string, string> = {
  wgs84: 'EPSG:4326',
  cgcs2000: 'EPSG:4490',
  gcj02: 'GCJ-02',
  'gcj-02': 'GCJ-02',
  bd09: 'BD-09',
  'bd-09': 'BD-09',
};

export const CrsChoice = z
  .string()
  .transform(
    (s) =>
      CRS_ALIASES[s.trim().toLowerCase()] ??
      s
        .trim()
        .toUpperCase()
        .replace(/^EPSG:?/, 'EPSG:'),
  )
  .pipe(CrsCode)
  .describe('wgs84, cgcs2000, gcj02, bd09 or an EPSG code such as EPSG:4527');

export const Overrides = z.object({
  crs: CrsChoice.optional().describe('the CRS of the coordinates (confirms an offered one)'),
  swapXY: z.boolean().optional().describe('read x as latitude/northing and y as longitude/easting'),
  mapping: z
    .record(z.string(), z.string())
    .optional()
    .describe('field → source column, e.g. {"name":"店名"}'),
  categoryMapping: z
    .record(z.string(), z.array(storeCategory.schema).min(1))
    .optional()
    .describe('stores: category text → categories, e.g. {"便利店":["tobacco","liquor"]}'),
  encoding: z
    .enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])
    .optional()
    .describe('text encoding of a CSV'),
  source: z.string().min(1).optional().describe('provenance source label (default: the file name)'),
  replace: z
    .boolean()
    .optional()
    .describe(
      'delete the stored features from the same source that the file no longer has (default: keep and count them)',
    ),
});
export type Overrides = z.infer<typeof Overrides>;

export const ImportOptions = Overrides.extend({ layer: LayerNameSchema });
export type ImportOptions = z.infer<typeof ImportOptions>;
