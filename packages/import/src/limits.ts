// Every threshold the importer uses, with its unit in the name. One place to tune them.

/** Refuse a file bigger than this before reading it (the API's upload limit too). */
export const MAX_FILE_BYTES_DEFAULT = 512 * 1024 * 1024;
/** Refuse a zip whose entries would unpack to more than this in total … */
export const MAX_UNZIPPED_BYTES_DEFAULT = 1024 * 1024 * 1024;
/** … or whose entries inflate more than this many times their packed size (a zip bomb). */
export const MAX_ZIP_RATIO = 200;
/** Refuse a zip with more entries than this (a shapefile needs four or five). */
export const MAX_ZIP_ENTRIES = 1_000;

/** Two records with the same name this close are one shop, school or hazard (metres). */
export const SAME_PLACE_TOLERANCE_M = 30;
/** Rows per batch between reading and writing: bounds memory on a million-row file. */
export const BATCH_ROWS = 10_000;
/** Rows shown in a preview. */
export const PREVIEW_ROWS = 20;
/** Problems kept per import; beyond this only their count is kept. */
export const MAX_PROBLEMS = 1_000;
/** Distinct source category texts shown in the category mapping of a preview. */
export const MAX_CATEGORY_TEXTS = 200;
/** Rows scanned from the top of a sheet to find its header row (titles sit above it). */
export const HEADER_SCAN_ROWS = 10;
/** Rows sampled to decide the CRS and whether lng/lat are swapped. */
export const CRS_SAMPLE_ROWS = 200;
/** Bytes sampled from a text file to decide its encoding. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;
/** A district's bounds are widened by this before a point is flagged as outside (metres). */
export const DISTRICT_MARGIN_M = 2_000;
/**
 * An import gives up on a file that yields nothing for this long (milliseconds): opening
 * it, or its next batch of rows. A 10,000-row batch of a large workbook takes seconds.
 */
export const READ_STALL_MS = 120_000;
/** Progress is reported at most this often (milliseconds). */
export const PROGRESS_INTERVAL_MS = 200;
/** Positional uncertainty given to a shop whose register states none (metres). */
export const STORE_UNCERTAINTY_UNSTATED_M = 0;
/**
 * DuckDB memory limit the import CLI and bench open the store with (MiB): past it DuckDB
 * evicts cached blocks of the staging and layer tables (and spills), so a bigger file
 * does not mean a bigger process.
 */
export const IMPORT_DB_MEMORY_LIMIT_MIB = 128;
