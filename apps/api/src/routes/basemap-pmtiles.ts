import type { FileHandle } from 'node:fs/promises';
import { PMTiles, TileType } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { TILE_CONTENT_TYPES, unusableBasemap } from './basemap-source.ts';
import type { BasemapFile, TileFormat } from './basemap-source.ts';

// The PMTiles v3 adapter: a pmtiles Source over the open file that reads only the byte ranges
// asked for (header, directories, one tile). The pmtiles library decompresses tiles itself.

const TILE_FORMATS: Partial<Record<TileType, TileFormat>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpeg',
  [TileType.Webp]: 'webp',
};
const SUPPORTED_SPEC_VERSION = 3;
const FORMAT = 'PMTiles v3';

/** pmtiles Source over a local file: positional reads, clamped to the file's end. */
class FileRangeSource implements Source {
  constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    private readonly sizeBytes: number,
  ) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const wanted = Math.max(0, Math.min(length, this.sizeBytes - offset));
    const buf = Buffer.alloc(wanted);
    const { bytesRead } = await this.handle.read(buf, 0, wanted, offset);
    const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) as ArrayBuffer;
    return { data };
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads and checks the archive's header and metadata; the caller closes the handle on error. */
export async function openPmtiles(handle: FileHandle, path: string): Promise<BasemapFile> {
  const invalid = (reason: string) => unusableBasemap(path, FORMAT, reason);
  const { size } = await handle.stat();
  const archive = new PMTiles(new FileRangeSource(handle, path, size));
  const h = await archive.getHeader().catch((err: Error) => {
    throw invalid(err.message);
  });
  if (h.specVersion !== SUPPORTED_SPEC_VERSION)
    throw invalid(`spec version ${h.specVersion}, expected 3`);
  const format = TILE_FORMATS[h.tileType];
  if (!format) throw invalid(`tile type ${TileType[h.tileType] ?? h.tileType} is not served`);
  const raw = await archive.getMetadata().catch((err: Error) => {
    throw invalid(`metadata: ${err.message}`);
  });
  const m = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    path,
    format: 'pmtiles',
    kind: format === 'mvt' ? 'vector' : 'raster',
    contentType: TILE_CONTENT_TYPES[format],
    info: {
      name: text(m.name),
      attribution: text(m.attribution),
      description: text(m.description),
      minZoom: h.minZoom,
      maxZoom: h.maxZoom,
      bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
      center: [h.centerLon, h.centerLat, h.centerZoom],
      vectorLayers: Array.isArray(m.vector_layers) ? (m.vector_layers as unknown[]) : undefined,
    },
    tile: async (z, x, y) => {
      const found = await archive.getZxy(z, x, y);
      return found ? { data: new Uint8Array(found.data), encoding: null } : null;
    },
    close: () => handle.close(),
  };
}
