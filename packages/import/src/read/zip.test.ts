import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileRefused } from '../problems.ts';
import { unzipLimited } from './zip.ts';

const ALL = () => true;
const MIB = 1024 * 1024;

describe('unzipLimited', () => {
  it('returns the wanted entries by name', () => {
    const zip = zipSync({ 'a.shp': strToU8('shape'), 'a.txt': strToU8('note') });
    const { entries, names } = unzipLimited(zip, (n) => n.endsWith('.shp'));
    expect([...entries.keys()]).toEqual(['a.shp']);
    expect(new TextDecoder().decode(entries.get('a.shp'))).toBe('shape');
    expect(names).toEqual(['a.shp', 'a.txt']);
  });

  it('refuses a zip bomb: 16 MiB of zeros packed into a few KiB', () => {
    const bomb = zipSync({ 'bomb.dbf': new Uint8Array(16 * MIB) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MIB / 4);
    expect(() => unzipLimited(bomb, ALL)).toThrow(/zip bomb/);
  });

  it('refuses a zip that unpacks past the configured total', () => {
    const random = new Uint8Array(2 * MIB).map((_, i) => (i * 2654435761) >>> 24);
    const zip = zipSync({ 'a.dbf': random, 'b.dbf': random }, { level: 0 });
    expect(() => unzipLimited(zip, ALL, { maxUnzippedBytes: 3 * MIB })).toThrow(
      /more than 3145728 bytes/,
    );
  });

  it('refuses what is not a zip, and a truncated zip, as FileRefused', () => {
    expect(() => unzipLimited(strToU8('hello'), ALL)).toThrow(FileRefused);
    const zip = zipSync({ 'a.shp': new Uint8Array(10_000).fill(7) });
    expect(() => unzipLimited(zip.subarray(0, 60), ALL)).toThrow(FileRefused);
  });
});
