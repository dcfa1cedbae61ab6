import { z } from 'zod';

// Where a feature came from. Coordinates are always stored as WGS84; originalCrs records
// what the source used so that a conversion can be audited later.
export const CrsCode = z
  .string()
  .regex(
    /^(EPSG:\d{4,5}|GCJ-02|BD-09)$/,
    'an EPSG code (EPSG:4326, EPSG:4490, EPSG:4527 …), GCJ-02 or BD-09',
  );

export const Provenance = z.object({
  source: z.string().min(1).describe('数据来源 source, e.g. 市场监管局 2026-03 登记'),
  importedAt: z.iso.datetime({ offset: true }).describe('导入时间 imported at (ISO 8601)'),
  originalCrs: CrsCode.describe('原始坐标系 original CRS'),
});
export type Provenance = z.infer<typeof Provenance>;

export const IsoDate = z.iso.date();
