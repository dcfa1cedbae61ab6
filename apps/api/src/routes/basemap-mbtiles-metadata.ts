import { middleOf, unusableBasemap, WORLD_BOUNDS } from './basemap-source.ts';
import type { BasemapInfo, TileFormat } from './basemap-source.ts';

// An MBTiles file's `metadata` rows (name/value text, MBTiles 1.3) read into the format-neutral
// description. `format` may be missing in files written by older tools: then the first tile's
// magic bytes decide. Rows that are present but malformed refuse the file, naming the row.

export const MBTILES = 'MBTiles';

/** The `format` values MBTiles 1.3 names (and `jpeg`, `mvt` that some tools write). */
const FORMAT_NAMES: Record<string, TileFormat> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  pbf: 'mvt',
  mvt: 'mvt',
};
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const GZIP_MAGIC = [0x1f, 0x8b];
/** An MVT starts with field 3 (layers), wire type 2: (3 << 3) | 2. */
const MVT_FIRST_BYTE = 0x1a;
const RIFF = 'RIFF';
const WEBP = 'WEBP';
const WEBP_TAG_OFFSET = 8;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const latin1 = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/** True when the bytes are gzip-compressed (vector tiles in MBTiles usually are). */
export const isGzip = (bytes: Uint8Array) => startsWith(bytes, GZIP_MAGIC);

/** What a tile's bytes are, by their magic; null when they are none of the served formats. */
export function sniffTileFormat(bytes: Uint8Array): TileFormat | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpeg';
  if (latin1(bytes, 0, RIFF.length) === RIFF && latin1(bytes, WEBP_TAG_OFFSET, 4) === WEBP)
    return 'webp';
  if (isGzip(bytes) || bytes[0] === MVT_FIRST_BYTE) return 'mvt';
  return null;
}

function numbers(row: string, value: string, count: number, invalid: (r: string) => Error) {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== count || parts.some((n) => !Number.isFinite(n)))
    throw invalid(`metadata ${row} "${value}" is not ${count} comma-separated numbers`);
  return parts;
}

function zoomOf(row: string, value: string, invalid: (r: string) => Error): number {
  const zoom = Number(value);
  if (!Number.isInteger(zoom) || zoom < 0)
    throw invalid(`metadata ${row} "${value}" is not a whole zoom level`);
  return zoom;
}

function vectorLayersOf(json: string | undefined, invalid: (r: string) => Error): unknown[] {
  if (json === undefined)
    throw invalid('it holds vector tiles (pbf) but its metadata has no `json` row (vector_layers)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw invalid(`metadata json is not valid JSON: ${(err as Error).message}`);
  }
  const layers = (parsed as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(layers) || layers.length === 0)
    throw invalid('metadata json lists no vector_layers');
  return layers;
}

export interface MbtilesInput {
  path: string;
  /** The `metadata` table as name → value (empty when the file has no such table). */
  metadata: Record<string, string>;
  /** Any one tile, to identify a file whose metadata states no format. */
  firstTile: Uint8Array;
  /** The zoom range the `tiles` table holds, asked only when the metadata does not say. */
  zoomRange: () => [number, number];
}

/** The tile format and description of an MBTiles file; throws naming the path and reason. */
export function describeMbtiles(input: MbtilesInput): { format: TileFormat; info: BasemapInfo } {
  const { path, metadata: m } = input;
  const invalid = (reason: string) => unusableBasemap(path, MBTILES, reason);
  const stated = m.format?.trim().toLowerCase();
  const format = stated === undefined ? sniffTileFormat(input.firstTile) : FORMAT_NAMES[stated];
  if (!format && stated !== undefined)
    throw invalid(`metadata format "${m.format}" is not one of png, jpg, webp, pbf`);
  if (!format)
    throw invalid('its metadata states no format and its tiles are not PNG, JPEG, WebP or MVT');

  const [minZoom, maxZoom] =
    m.minzoom !== undefined && m.maxzoom !== undefined
      ? [zoomOf('minzoom', m.minzoom, invalid), zoomOf('maxzoom', m.maxzoom, invalid)]
      : input.zoomRange();
  const bounds =
    m.bounds === undefined
      ? WORLD_BOUNDS
      : (numbers('bounds', m.bounds, 4, invalid) as [number, number, number, number]);
  const center =
    m.center === undefined
      ? middleOf(bounds, minZoom)
      : (numbers('center', m.center, 3, invalid) as [number, number, number]);
  return {
    format,
    info: {
      name: m.name,
      attribution: m.attribution,
      description: m.description,
      minZoom,
      maxZoom,
      bounds,
      center,
      vectorLayers: format === 'mvt' ? vectorLayersOf(m.json, invalid) : undefined,
    },
  };
}
