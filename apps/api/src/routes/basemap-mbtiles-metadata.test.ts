import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { onePixelPng } from './basemap-fixture.ts';
import { describeMbtiles, sniffTileFormat } from './basemap-mbtiles-metadata.ts';
import { mvtTile } from './basemap-mvt-fixture.ts';

const PNG = onePixelPng([1, 2, 3]);
const MVT = mvtTile({ roads: [{ type: 'Point', coords: [[1, 1]], properties: {} }] });
const noZooms = (): [number, number] => {
  throw new Error('zoomRange asked although the metadata states the zooms');
};

describe('sniffTileFormat', () => {
  it('knows PNG, JPEG, WebP and raw or gzipped MVT by their first bytes, and nothing else', () => {
    expect(sniffTileFormat(PNG)).toBe('png');
    expect(sniffTileFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffTileFormat(Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffTileFormat(MVT)).toBe('mvt');
    expect(sniffTileFormat(gzipSync(MVT))).toBe('mvt');
    expect(sniffTileFormat(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffTileFormat(new Uint8Array(0))).toBeNull();
  });
});

describe('describeMbtiles', () => {
  it('reads jpg as JPEG and takes zooms, bounds and centre from the metadata rows', () => {
    const { format, info } = describeMbtiles({
      path: '/x.mbtiles',
      metadata: { format: 'JPG', minzoom: '3', maxzoom: '14', bounds: '110, 20, 112, 22' },
      firstTile: PNG,
      zoomRange: noZooms,
    });
    expect(format).toBe('jpeg');
    expect(info).toMatchObject({ minZoom: 3, maxZoom: 14, bounds: [110, 20, 112, 22] });
    expect(info.center).toEqual([111, 21, 3]);
  });

  it('refuses a malformed zoom or vector_layers json, naming the row', () => {
    const base = { path: '/y.mbtiles', firstTile: MVT, zoomRange: noZooms };
    expect(() =>
      describeMbtiles({ ...base, metadata: { format: 'png', minzoom: 'low', maxzoom: '3' } }),
    ).toThrow(/"\/y\.mbtiles".*minzoom "low" is not a whole zoom level/);
    const zooms = { format: 'pbf', minzoom: '0', maxzoom: '1' };
    expect(() => describeMbtiles({ ...base, metadata: { ...zooms, json: '{' } })).toThrow(
      /metadata json is not valid JSON/,
    );
    expect(() =>
      describeMbtiles({ ...base, metadata: { ...zooms, json: '{"vector_layers":[]}' } }),
    ).toThrow(/lists no vector_layers/);
  });
});
