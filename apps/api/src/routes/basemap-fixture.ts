import { deflateSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

// Test support: writes tiny PMTiles v3 archives by hand, following the spec
// (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), and a one-pixel PNG to fill them.
//
//   [ header 127 B ][ root directory ][ JSON metadata ][ tile data … ]
//
// Uncompressed directory and metadata (internal compression 1 = none), no leaf directories.

const HEADER_BYTES = 127;
const COMPRESSION_NONE = 1;
const E7 = 1e7;
export const TILE_TYPE = { mvt: 1, png: 2, jpeg: 3, webp: 4 } as const;

export interface FixtureTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

export interface FixtureOptions {
  tileType?: number;
  metadata?: Record<string, unknown>;
  specVersion?: number;
  bounds?: [number, number, number, number];
}

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Directory: count, then delta tile ids, run lengths, lengths, offsets (+1), as varints. */
function directory(entries: { tileId: number; offset: number; length: number }[]): Buffer {
  const out: number[] = [];
  varint(entries.length, out);
  let last = 0;
  for (const e of entries) {
    varint(e.tileId - last, out);
    last = e.tileId;
  }
  for (let i = 0; i < entries.length; i++) varint(1, out);
  for (const e of entries) varint(e.length, out);
  for (const e of entries) varint(e.offset + 1, out);
  return Buffer.from(out);
}

/** A PMTiles v3 archive holding exactly these tiles. */
export function pmtilesArchive(tiles: FixtureTile[], options: FixtureOptions = {}): Buffer {
  const { tileType = TILE_TYPE.png, metadata = { name: '测试底图' }, specVersion = 3 } = options;
  const [minLon, minLat, maxLon, maxLat] = options.bounds ?? [-180, -85, 180, 85];
  const sorted = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = sorted.map((t) => {
    const e = { tileId: t.tileId, offset, length: t.bytes.length };
    offset += t.bytes.length;
    return e;
  });
  const root = directory(entries);
  const meta = Buffer.from(JSON.stringify(metadata));
  const data = Buffer.concat(sorted.map((t) => t.bytes));
  const zooms = sorted.map((t) => t.z);

  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(specVersion, 7);
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  u64(8, HEADER_BYTES); // root directory offset
  u64(16, root.length);
  u64(24, HEADER_BYTES + root.length); // metadata offset
  u64(32, meta.length);
  u64(40, HEADER_BYTES + root.length + meta.length); // leaf directories: none
  u64(48, 0);
  u64(56, HEADER_BYTES + root.length + meta.length); // tile data offset
  u64(64, data.length);
  u64(72, sorted.length); // addressed tiles
  u64(80, sorted.length); // tile entries
  u64(88, sorted.length); // tile contents
  h.writeUInt8(1, 96); // clustered
  h.writeUInt8(COMPRESSION_NONE, 97); // internal compression
  h.writeUInt8(COMPRESSION_NONE, 98); // tile compression
  h.writeUInt8(tileType, 99);
  h.writeUInt8(Math.min(...zooms), 100);
  h.writeUInt8(Math.max(...zooms), 101);
  h.writeInt32LE(Math.round(minLon * E7), 102);
  h.writeInt32LE(Math.round(minLat * E7), 106);
  h.writeInt32LE(Math.round(maxLon * E7), 110);
  h.writeInt32LE(Math.round(maxLat * E7), 114);
  h.writeUInt8(Math.min(...zooms), 118); // center zoom
  h.writeInt32LE(Math.round(((minLon + maxLon) / 2) * E7), 119);
  h.writeInt32LE(Math.round(((minLat + maxLat) / 2) * E7), 123);
  return Buffer.concat([h, root, meta, data]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A valid one-pixel RGB PNG of the given colour. */
export function onePixelPng([r, g, b]: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: RGB
  const scanline = Buffer.from([0, r, g, b]); // filter byte 0, then the pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanline)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
