// What every reader hands the pipeline: records in batches, plus what it learnt about
// the file on the way (encoding, columns, a declared CRS, text that may name one).

export type Format =
  'csv' | 'xlsx' | 'geojson' | 'geojsonseq' | 'shapefile' | 'kml' | 'kmz' | 'gpx';

export interface SourceRecord {
  /** 1-based: the spreadsheet row a person sees, or the feature number. */
  row: number;
  /** Column or attribute name → cell value as read. */
  fields: Record<string, unknown>;
  /** GeoJSON geometry from a spatial format (null: the feature has none); undefined for tables. */
  geometry?: unknown;
  /** The feature's own id in the source, when the format carries one. */
  sourceId?: string;
  /** Why this record could not be read (e.g. a bad line of GeoJSONSeq). */
  error?: string;
}

export interface OpenedSource {
  format: Format;
  /** Text encoding used to read it, and why; null for binary formats that declare none. */
  encoding: string | null;
  encodingBasis: string | null;
  columns: string[];
  /** A declared CRS: .prj WKT, or a GeoJSON `crs` name. */
  crsText: string | null;
  /** Text around the data that may name a coordinate source (file name, titles, notes). */
  hints: string[];
  /** Records carry geometries (else x/y columns are read). */
  spatial: boolean;
  batches: AsyncIterable<SourceRecord[]>;
  /** Bytes read so far, for progress; null where the reader cannot tell (XLSX). */
  bytesRead(): number | null;
  totalBytes: number;
}
