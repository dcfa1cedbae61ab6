// @atlas/import — what departments hand over, into the atlas: one pipeline, three doors
// (CLI, API, upload dialog). Each stage is a file; read them in this order.

// The whole run: preview (never writes) or commit (one transaction, all or nothing).
export { runImport, type RunOptions } from './pipeline.ts';
// What the user may choose (CRS, swap, column and category mapping, encoding, source).
export { ImportOptions, Overrides, CrsChoice } from './options.ts';
// What a run reports: counts, mapping, CRS, first rows, problems; and progress events.
export { ImportReport, ImportProgress, FormatSchema } from './report.ts';

// 1. read: open a file with the reader for its format (CSV, XLSX, GeoJSON(Seq), zipped
//    Shapefile, KML/KMZ, GPX), refusing what cannot be read (size, zip bomb, encoding).
export { openSource, formatOf, type ReadOptions } from './read/open.ts';
export type { Format, OpenedSource, SourceRecord } from './read/records.ts';
export { detectEncoding } from './read/encoding.ts';
// 2. detect: column mapping from Chinese/English headers, CRS and swapped x/y.
export { detectColumns, type ColumnMapping } from './detect/columns.ts';
export { detectCrs, detectSwap, type CrsDecision, type SwapDecision } from './detect/crs.ts';
export { declaredCrs, cgcs2000GkCode } from './detect/prj.ts';
export { CHINA_BBOX_DEG } from './detect/bounds.ts';
// 3. build: cells → typed values → geometry → reproject → repair → layer properties.
export { buildRecord } from './build.ts';
export { reprojector } from './reproject.ts';
export { repairSelfIntersections } from './repair.ts';
// 4. map categories: keyword and licence-scope rules kept as data.
export {
  categoryMapper,
  loadCategoryRules,
  CategoryRules,
  CATEGORY_KEYWORDS_PATH,
} from './categories.ts';
// 5. identify: which stored feature each record is (key, source id, name + place).
export { Identities } from './identity.ts';
// 6. settle: merge with the stored feature, validate with the model, add/update/unchanged.
export { settle, sameValue } from './settle.ts';
// Problems with user data, and a file that cannot be read at all.
export { Problems, FileRefused } from './problems.ts';
// Every threshold, with its unit.
export * from './limits.ts';

// Export: a layer as GeoJSON, CSV (UTF-8 + BOM) or XLSX, streamed.
export { exportLayer, type ExportFormat, type Exported } from './export/writers.ts';
export { exportColumns } from './export/table.ts';
// Audit findings as rows (the one column list), and as GeoJSON lines, CSV or XLSX.
export * from './export/finding-rows.ts';
export * from './export/finding-writers.ts';
// The whole database as a zip of GeoParquet files, one per non-empty layer, streamed.
export * from './export/parquet-zip.ts';
