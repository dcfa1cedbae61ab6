import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { PMTiles, TileType } from 'pmtiles';
import type { Header, RangeResponse, Source } from 'pmtiles';

// A bureau's own offline basemap: one PMTiles v3 file on this machine, read through a small
// Source adapter that reads only the byte ranges asked for (header, directories, one tile),
// never the whole file: a province's imagery can be tens of gigabytes.

/** What each PMTiles tile type is served as; other types are refused at start-up. */
const CONTENT_TYPES: Partial<Record<TileType, string>> = {
  [TileType.Mvt]: 'application/vnd.mapbox-vector-tile',
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
};
const SUPPORTED_SPEC_VERSION = 3;
const PMTILES_MAGIC = 'PMTiles';
const SQLITE_MAGIC = 'SQLite format 3';

export type BasemapKind = 'raster' | 'vector';

export interface BasemapFile {
  path: string;
  kind: BasemapKind;
  contentType: string;
  header: Header;
  metadata: Record<string, unknown>;
  /** The tile's bytes (decompressed), or null where the archive holds none. */
  tile: (z: number, x: number, y: number) => Promise<Uint8Array<ArrayBuffer> | null>;
  close: () => Promise<void>;
}

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

function invalid(path: string, reason: string): Error {
  return new Error(`ATLAS_BASEMAP "${path}" is not a usable PMTiles v3 basemap: ${reason}`);
}

async function checkMagic(handle: FileHandle, path: string): Promise<void> {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  await handle.read(head, 0, head.length, 0);
  if (head.toString('latin1') === SQLITE_MAGIC)
    throw invalid(path, 'it is an MBTiles (SQLite) file; convert it with `pmtiles convert`');
  if (head.subarray(0, PMTILES_MAGIC.length).toString('latin1') !== PMTILES_MAGIC)
    throw invalid(path, 'it does not start with the PMTiles magic bytes');
}

/** Opens and checks the file; throws an Error naming the path and the reason. */
export async function openBasemapFile(path: string): Promise<BasemapFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new Error(`ATLAS_BASEMAP "${path}" cannot be opened: ${(err as Error).message}`);
  }
  try {
    await checkMagic(handle, path);
    const { size } = await handle.stat();
    const archive = new PMTiles(new FileRangeSource(handle, path, size));
    const header = await archive.getHeader().catch((err: Error) => {
      throw invalid(path, err.message);
    });
    if (header.specVersion !== SUPPORTED_SPEC_VERSION)
      throw invalid(path, `spec version ${header.specVersion}, expected 3`);
    const contentType = CONTENT_TYPES[header.tileType];
    if (!contentType)
      throw invalid(
        path,
        `tile type ${TileType[header.tileType] ?? header.tileType} is not served`,
      );
    const metadata = await archive.getMetadata().catch((err: Error) => {
      throw invalid(path, `metadata: ${err.message}`);
    });
    return {
      path,
      kind: header.tileType === TileType.Mvt ? 'vector' : 'raster',
      contentType,
      header,
      metadata:
        metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {},
      tile: async (z, x, y) => {
        const found = await archive.getZxy(z, x, y);
        return found ? new Uint8Array(found.data) : null;
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
